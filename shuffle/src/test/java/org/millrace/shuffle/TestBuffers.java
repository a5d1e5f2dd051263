package org.millrace.shuffle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.runtime.io.network.InputGate;

/** Test helpers: buffers that carry one int, and blocking reads from a gate. */
public final class TestBuffers {

    private TestBuffers() {}

    /** Writes {@code value} as the buffer's only content. */
    public static Buffer withValue(Buffer buffer, int value) {
        buffer.getMemorySegment().putInt(0, value);
        buffer.setSize(4);
        return buffer;
    }

    public static int valueOf(Buffer buffer) {
        if (buffer.getSize() != 4) {
            throw new AssertionError("Expected a 4-byte buffer, got " + buffer);
        }
        return buffer.getMemorySegment().getInt(0);
    }

    /** Polls, waiting (interruptibly) on the gate's availability future while nothing is there. */
    public static BufferOrEvent pollBlocking(InputGate gate)
            throws IOException, InterruptedException, ExecutionException {
        while (true) {
            BufferOrEvent next = gate.pollNext();
            if (next != null) {
                return next;
            }
            gate.getAvailableFuture().get();
        }
    }

    /**
     * Reads a one-channel gate to its end of partition, recycling every buffer.
     *
     * @throws AssertionError if an event other than the end of partition arrives or the gate is not finished after it
     */
    public static List<Integer> readValuesToEnd(InputGate gate)
            throws IOException, InterruptedException, ExecutionException {
        List<Integer> values = new ArrayList<>();
        while (true) {
            BufferOrEvent next = pollBlocking(gate);
            if (!next.isBuffer()) {
                if (!(next.getEvent() instanceof EndOfPartitionEvent) || !gate.isFinished()) {
                    throw new AssertionError("Expected the end of partition to finish the gate, got " + next.getEvent());
                }
                return values;
            }
            values.add(valueOf(next.getBuffer()));
            next.getBuffer().recycle();
        }
    }

    /** The values 0..total-1 that round-robin over {@code subpartitions} puts into {@code subpartition}. */
    public static List<Integer> roundRobinValues(int subpartition, int subpartitions, int total) {
        List<Integer> values = new ArrayList<>();
        for (int i = subpartition; i < total; i += subpartitions) {
            values.add(i);
        }
        return values;
    }
}
