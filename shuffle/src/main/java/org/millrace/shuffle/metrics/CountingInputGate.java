package org.millrace.shuffle.metrics;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.InputGate;

/**
 * A task's input gate with its read records counted: every data buffer the gate returns is walked
 * by its channel's {@link RecordFrameCounter} (or its writer's count taken) before the task deserializes
 * it, in the task's thread.
 * Wrap each single gate (channel indexes are per gate), then union the wrappers.
 */
public final class CountingInputGate implements InputGate {

    private final InputGate gate;
    private final TaskRecordCounters counters;
    private final RecordFrameCounter[] frames;

    public CountingInputGate(InputGate gate, TaskRecordCounters counters) {
        this.gate = gate;
        this.counters = counters;
        this.frames = new RecordFrameCounter[gate.getNumberOfInputChannels()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new RecordFrameCounter();
        }
    }

    @Override
    public BufferOrEvent pollNext() throws IOException, InterruptedException {
        BufferOrEvent next = gate.pollNext();
        if (next != null && next.isBuffer() && !next.getBuffer().isEvent()) {
            counters.addRecordsIn(frames[next.getChannelIndex()].countRecords(next.getBuffer()));
        }
        return next;
    }

    @Override
    public int getNumberOfInputChannels() {
        return gate.getNumberOfInputChannels();
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return gate.getAvailableFuture();
    }

    @Override
    public boolean isFinished() {
        return gate.isFinished();
    }

    @Override
    public void close() {
        gate.close();
    }

    @Override
    public String toString() {
        return gate.toString();
    }
}
