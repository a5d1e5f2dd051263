package org.millrace.shuffle.gate;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.millrace.runtime.io.network.AbstractEvent;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.runtime.io.network.EventSerializer;
import org.millrace.runtime.io.network.InputGate;
import org.millrace.shuffle.partition.BufferAndBacklog;

/**
 * A task's input from one upstream vertex: one {@link InputChannel} per producing subtask.
 *
 * <pre>
 *  producer threads ── notifyChannelNonEmpty(ch) ──> [ ch2 | ch0 | ch5 ]  (each channel at most once)
 *                                                          │ pollNext(), task thread
 *                                                          ▼
 *                                   one buffer from ch2; ch2 re-queued at the tail if it has more
 * </pre>
 *
 * Channels with data wait in a FIFO queue, so every channel with data is served once per round
 * (round-robin fairness) and an idle gate costs nothing. Data buffers go to the caller, who
 * recycles them; event buffers are deserialized and recycled here.
 *
 * <p>Threading: {@link #pollNext()} runs on the task thread; channels notify from producer or I/O
 * threads; the {@link #getAvailableFuture() availability future} is completed outside the lock.
 * Lifecycle: construct, {@link #requestPartitions()} once, poll until {@link #isFinished()}, {@link #close()}.
 */
public final class SingleInputGate implements InputGate {

    /** Creates the channel with a given index for a gate (local, or remote over Netty). */
    @FunctionalInterface
    public interface ChannelFactory {
        InputChannel create(SingleInputGate gate, int channelIndex);
    }

    private final String ownerTaskName;
    private final int gateIndex;
    private final InputChannel[] channels;
    /** Runs once when the gate closes, after its channels are released (e.g. frees remote channels' pools). */
    private final Runnable releaseResources;
    private final Object lock = new Object();

    // Guarded by lock.
    private final ArrayDeque<InputChannel> channelsWithData;
    private final boolean[] queued;
    private CompletableFuture<Void> availableFuture;
    private boolean closed;
    private boolean partitionsRequested;

    // Task thread only.
    private final boolean[] endOfPartitionReceived;
    private int numberOfFinishedChannels;

    private volatile boolean finished;

    public SingleInputGate(String ownerTaskName, int gateIndex, int numberOfChannels, ChannelFactory channelFactory) {
        this(ownerTaskName, gateIndex, numberOfChannels, channelFactory, () -> {});
    }

    /**
     * @param releaseResources what to free when the gate closes, after its channels were released
     *     (the receive buffer pools of remote channels)
     */
    public SingleInputGate(String ownerTaskName, int gateIndex, int numberOfChannels, ChannelFactory channelFactory,
                           Runnable releaseResources) {
        if (numberOfChannels < 1) {
            throw new IllegalArgumentException("An input gate needs at least one channel, got " + numberOfChannels);
        }
        this.ownerTaskName = ownerTaskName;
        this.gateIndex = gateIndex;
        this.releaseResources = releaseResources;
        this.channels = new InputChannel[numberOfChannels];
        for (int i = 0; i < numberOfChannels; i++) {
            channels[i] = channelFactory.create(this, i);
        }
        this.channelsWithData = new ArrayDeque<>(numberOfChannels);
        this.queued = new boolean[numberOfChannels];
        this.endOfPartitionReceived = new boolean[numberOfChannels];
    }

    /**
     * Connects every channel to its producer's subpartition. Idempotent.
     *
     * @throws IOException if a producer's partition is not registered (or cannot be read)
     */
    public void requestPartitions() throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException(describe() + " is closed");
            }
            if (partitionsRequested) {
                return;
            }
            partitionsRequested = true;
        }
        for (InputChannel channel : channels) {
            channel.requestSubpartition();
        }
    }

    @Override
    public int getNumberOfInputChannels() {
        return channels.length;
    }

    public InputChannel getChannel(int channelIndex) {
        return channels[channelIndex];
    }

    public String getOwnerTaskName() {
        return ownerTaskName;
    }

    public int getGateIndex() {
        return gateIndex;
    }

    @Override
    public BufferOrEvent pollNext() throws IOException {
        while (true) {
            InputChannel channel;
            synchronized (lock) {
                if (closed) {
                    throw new IOException(describe() + " was closed");
                }
                if (!partitionsRequested) {
                    throw new IllegalStateException(describe() + ": call requestPartitions() before polling");
                }
                channel = channelsWithData.poll();
                if (channel == null) {
                    return null;
                }
                queued[channel.getChannelIndex()] = false;
            }
            BufferAndBacklog next = channel.pollNext();
            if (next == null) {
                continue; // the channel was released while queued
            }
            if (next.isMoreAvailable()) {
                notifyChannelNonEmpty(channel);
            }
            Buffer buffer = next.getBuffer();
            if (!buffer.isEvent()) {
                return BufferOrEvent.ofBuffer(buffer, channel.getChannelIndex());
            }
            return handleEvent(channel, buffer);
        }
    }

    private BufferOrEvent handleEvent(InputChannel channel, Buffer buffer) throws IOException {
        AbstractEvent event;
        try {
            event = EventSerializer.fromBuffer(buffer);
        } finally {
            buffer.recycle();
        }
        int index = channel.getChannelIndex();
        if (event instanceof EndOfPartitionEvent) {
            if (endOfPartitionReceived[index]) {
                throw new IllegalStateException("Channel " + index + " of " + describe() + " sent its end of partition twice");
            }
            endOfPartitionReceived[index] = true;
            channel.release();
            if (++numberOfFinishedChannels == channels.length) {
                finished = true;
            }
        }
        return BufferOrEvent.ofEvent(event, index);
    }

    /** Queues a channel that has data (at most once). Called by channels from any thread. */
    void notifyChannelNonEmpty(InputChannel channel) {
        CompletableFuture<Void> toComplete;
        synchronized (lock) {
            int index = channel.getChannelIndex();
            if (closed || queued[index]) {
                return;
            }
            queued[index] = true;
            channelsWithData.add(channel);
            toComplete = availableFuture;
            availableFuture = null;
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        synchronized (lock) {
            if (!channelsWithData.isEmpty() || closed || finished) {
                return AVAILABLE;
            }
            if (availableFuture == null) {
                availableFuture = new CompletableFuture<>();
            }
            return availableFuture;
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    /**
     * Releases every channel (their queued buffers are recycled), frees the gate's own resources and
     * wakes anyone waiting on this gate.
     */
    @Override
    public void close() {
        CompletableFuture<Void> toComplete;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            channelsWithData.clear();
            toComplete = availableFuture;
            availableFuture = null;
        }
        for (InputChannel channel : channels) {
            channel.release();
        }
        releaseResources.run();
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    private String describe() {
        return "Input gate " + gateIndex + " of " + ownerTaskName;
    }

    @Override
    public String toString() {
        return "SingleInputGate{" + ownerTaskName + ", gate " + gateIndex + ", " + channels.length + " channels}";
    }
}
