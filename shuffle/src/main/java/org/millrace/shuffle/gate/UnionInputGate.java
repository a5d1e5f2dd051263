package org.millrace.shuffle.gate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.InputGate;

/**
 * Several input gates read as one, for a task that consumes more than one upstream vertex (e.g. a
 * union). Channel indices are concatenated: channel {@code c} of gate {@code k} appears as
 * {@code c + (channels of gates 0..k-1)}.
 *
 * <p>Gates are polled round-robin, starting after the gate that delivered last, so a busy gate
 * cannot starve the others. Meant for a handful of gates; a poll that finds nothing asks each once.
 * Threading as {@link InputGate}.
 */
public final class UnionInputGate implements InputGate {

    private final InputGate[] gates;
    private final int[] channelOffsets;
    private final int totalChannels;

    /** Task thread only: the gate to ask first on the next poll. */
    private int nextGate;

    public UnionInputGate(List<? extends InputGate> inputGates) {
        if (inputGates.isEmpty()) {
            throw new IllegalArgumentException("A union input gate needs at least one gate");
        }
        this.gates = inputGates.toArray(new InputGate[0]);
        this.channelOffsets = new int[gates.length];
        int offset = 0;
        for (int i = 0; i < gates.length; i++) {
            channelOffsets[i] = offset;
            offset += gates[i].getNumberOfInputChannels();
        }
        this.totalChannels = offset;
    }

    @Override
    public int getNumberOfInputChannels() {
        return totalChannels;
    }

    /** Where gate {@code gateIndex}'s channels start in this gate's channel index space. */
    public int getChannelOffset(int gateIndex) {
        return channelOffsets[gateIndex];
    }

    @Override
    public BufferOrEvent pollNext() throws IOException, InterruptedException {
        int n = gates.length;
        for (int attempt = 0; attempt < n; attempt++) {
            int g = nextGate + attempt;
            if (g >= n) {
                g -= n;
            }
            InputGate gate = gates[g];
            if (gate.isFinished()) {
                continue;
            }
            BufferOrEvent next = gate.pollNext();
            if (next != null) {
                nextGate = g + 1 == n ? 0 : g + 1;
                return withOffset(next, channelOffsets[g]);
            }
        }
        return null;
    }

    private static BufferOrEvent withOffset(BufferOrEvent next, int offset) {
        if (offset == 0) {
            return next;
        }
        int channel = next.getChannelIndex() + offset;
        return next.isBuffer() ? BufferOrEvent.ofBuffer(next.getBuffer(), channel) : BufferOrEvent.ofEvent(next.getEvent(), channel);
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        List<CompletableFuture<?>> pending = new ArrayList<>(gates.length);
        for (InputGate gate : gates) {
            if (gate.isFinished()) {
                continue;
            }
            CompletableFuture<?> future = gate.getAvailableFuture();
            if (future.isDone()) {
                return AVAILABLE;
            }
            pending.add(future);
        }
        if (pending.isEmpty()) {
            return AVAILABLE;
        }
        return CompletableFuture.anyOf(pending.toArray(new CompletableFuture<?>[0]));
    }

    @Override
    public boolean isFinished() {
        for (InputGate gate : gates) {
            if (!gate.isFinished()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        for (InputGate gate : gates) {
            gate.close();
        }
    }
}
