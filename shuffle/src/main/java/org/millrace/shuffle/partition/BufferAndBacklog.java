package org.millrace.shuffle.partition;

import org.millrace.runtime.io.network.Buffer;

/**
 * The result of one poll of a {@link ResultSubpartitionView}: the buffer, whether more is queued
 * behind it, and how many data buffers are queued (the backlog a remote consumer grants credit for).
 *
 * <p>One instance belongs to one view and is overwritten by its next poll, so polling allocates
 * nothing. Read it before polling again; take ownership of the buffer (recycle it) as usual.
 */
public final class BufferAndBacklog {

    private Buffer buffer;
    private boolean moreAvailable;
    private int backlog;

    /** Overwrites this result; for subpartition views and input channel implementations. */
    public void set(Buffer buffer, boolean moreAvailable, int backlog) {
        this.buffer = buffer;
        this.moreAvailable = moreAvailable;
        this.backlog = backlog;
    }

    public Buffer getBuffer() {
        return buffer;
    }

    /** Whether the subpartition still had buffers or events queued right after this poll. */
    public boolean isMoreAvailable() {
        return moreAvailable;
    }

    /** Data buffers (not events) still queued right after this poll. */
    public int getBacklog() {
        return backlog;
    }
}
