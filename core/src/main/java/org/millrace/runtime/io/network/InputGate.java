package org.millrace.runtime.io.network;

import java.io.IOException;

/**
 * The consuming side of one (or, unioned, several) exchanges as a task sees it: one input channel
 * per producing subtask. Local and remote channels look the same here.
 *
 * <p>Threading: {@link #pollNext()} is called by the consuming task's thread only; channels
 * notify availability from producer or I/O threads by completing {@link #getAvailableFuture()}.
 */
public interface InputGate extends AvailabilityProvider {

    int getNumberOfInputChannels();

    /**
     * The next data buffer or event from any channel, or null if none is available now. Each
     * channel delivers its {@link EndOfPartitionEvent} once; afterwards {@link #isFinished()} becomes
     * true when all channels have. Throws if a producer failed (naming it) or the gate was closed.
     */
    BufferOrEvent pollNext() throws IOException, InterruptedException;

    /** True once every channel has delivered its end of partition. */
    boolean isFinished();

    /** Releases channels and recycles any buffers still queued. */
    void close();
}
