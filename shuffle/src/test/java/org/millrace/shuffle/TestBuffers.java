package org.millrace.shuffle;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.InputGate;

/** Test helpers: buffers that carry one int, and a blocking read from a gate. */
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
}
