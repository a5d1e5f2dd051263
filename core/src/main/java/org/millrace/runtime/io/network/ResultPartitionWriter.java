package org.millrace.runtime.io.network;

import java.io.IOException;

/**
 * The producing side of one exchange as a task sees it: a result partition with one subpartition
 * per consumer subtask. Implemented by the shuffle module (pipelined in memory, later blocking on
 * disk/HDFS); the task never knows which.
 *
 * <p>Threading: all methods but {@link #fail} are called by the producing task's thread only.
 * {@link #getAvailableFuture()} completes when {@link #requestBuffer()} would succeed.
 */
public interface ResultPartitionWriter extends AvailabilityProvider {

    int getNumberOfSubpartitions();

    /** An empty buffer from this partition's pool, or null if none is free right now. */
    Buffer requestBuffer();

    /**
     * An empty buffer from this partition's pool, waiting while none is free. The wait is how
     * backpressure reaches the producer: buffers come back only when consumers recycle them.
     */
    Buffer requestBufferBlocking() throws InterruptedException;

    /** Hands a filled (or, on flush, partly filled) data buffer to a subpartition; the partition now owns it. */
    void emitBuffer(Buffer buffer, int subpartition) throws IOException;

    /** Sends an event to every subpartition, ordered after the buffers emitted before it. */
    void broadcastEvent(AbstractEvent event) throws IOException;

    /** Ends the partition successfully: every subpartition receives {@link EndOfPartitionEvent}. */
    void finish() throws IOException;

    /**
     * Aborts the partition (producer failed or was cancelled): queued buffers are recycled and
     * consumers fail with {@code cause} when they next read. May be called from any thread.
     */
    void fail(Throwable cause);

    /** Releases what the writer holds; after finish or fail. */
    void close();
}
