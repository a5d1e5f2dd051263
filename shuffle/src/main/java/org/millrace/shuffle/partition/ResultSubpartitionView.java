package org.millrace.shuffle.partition;

import java.io.IOException;

/**
 * A consumer's read handle on one subpartition, created when its input channel connects. Local
 * channels poll it directly (zero copy); a network server will poll it on behalf of a remote one.
 *
 * <p>Threading: polled by one consumer thread; {@link #release()} may be called from any thread.
 */
public interface ResultSubpartitionView {

    /**
     * The next buffer or event in the order the producer added them, or null if none is queued.
     * The returned holder is reused by the next call.
     *
     * @throws IOException if the producer failed, naming the partition and carrying the cause
     */
    BufferAndBacklog pollNext() throws IOException;

    /** Data buffers currently queued. */
    int getBacklog();

    /**
     * The consumer is done (finished, cancelled or failed): queued buffers are recycled and later
     * ones discarded. Idempotent.
     */
    void release();

    boolean isReleased();
}
