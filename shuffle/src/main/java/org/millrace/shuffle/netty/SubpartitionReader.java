package org.millrace.shuffle.netty;

import io.netty.channel.EventLoop;
import org.millrace.shuffle.partition.BufferAvailabilityListener;
import org.millrace.shuffle.partition.ResultSubpartitionView;

/**
 * The server's state for one remote receiver: its subpartition view, its credit and the sequence
 * number of the next response. All fields are touched by the connection's event loop only; the
 * producer's availability notification hops onto that loop (this object is the task it submits, so
 * a notification allocates nothing).
 */
final class SubpartitionReader implements BufferAvailabilityListener, Runnable {

    final long receiverId;
    private final EventLoop eventLoop;
    private final PartitionRequestQueue queue;

    ResultSubpartitionView view;
    /** Buffers the receiver holds free for this subpartition and that we have not used yet. */
    int credit;
    int sequenceNumber;
    /** The view may have something to poll (it notified and was not yet polled empty). */
    boolean dataAvailable;
    /** In the queue's ready list. */
    boolean queued;
    boolean released;

    SubpartitionReader(long receiverId, int initialCredit, EventLoop eventLoop, PartitionRequestQueue queue) {
        this.receiverId = receiverId;
        this.credit = initialCredit;
        this.eventLoop = eventLoop;
        this.queue = queue;
    }

    /** From the producer's thread: the subpartition went from empty to non-empty (or failed). */
    @Override
    public void notifyDataAvailable() {
        eventLoop.execute(this);
    }

    /** On the event loop, after {@link #notifyDataAvailable()}. */
    @Override
    public void run() {
        queue.onDataAvailable(this);
    }

    /** Releases the view (idempotent); later notifications are ignored. */
    void release() {
        if (!released) {
            released = true;
            if (view != null) {
                view.release();
            }
        }
    }
}
