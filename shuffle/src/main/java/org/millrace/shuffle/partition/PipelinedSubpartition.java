package org.millrace.shuffle.partition;

import java.io.IOException;
import java.util.ArrayDeque;
import org.millrace.runtime.io.network.Buffer;

/**
 * One consumer's share of a pipelined partition: a queue of data and event buffers in the order
 * the producer added them, handed to the consumer's view as they come (no copy).
 *
 * <pre>
 *  producer thread ── add ──> [ b1 | b2 | event | b3 | EndOfPartition ] ── poll ──> consumer thread
 *                       └─ empty -> non-empty: listener.notifyDataAvailable() (outside the lock)
 * </pre>
 *
 * <p>One small lock (the queue) per buffer hand-over. Buffers to recycle and listeners to notify
 * are collected under the lock and handled after it is released, so neither pool futures nor gate
 * callbacks ever run while a subpartition is locked.
 */
final class PipelinedSubpartition {

    private final PipelinedResultPartition parent;
    private final int index;

    // All fields below are guarded by buffers.
    private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();
    /** Data buffers (not events) in the queue. */
    private int backlog;
    /** The end-of-partition event has been added; nothing may follow it. */
    private boolean finished;
    /** Consumed to its end or released by the consumer; counted once towards the partition's release. */
    private boolean consumed;
    private Throwable failureCause;
    private PipelinedSubpartitionView view;

    PipelinedSubpartition(PipelinedResultPartition parent, int index) {
        this.parent = parent;
        this.index = index;
    }

    /**
     * Queues a buffer; {@code isEndOfPartition} marks the last one. After a failure or after the
     * consumer released its view, the buffer is recycled instead (the data has nowhere to go).
     *
     * @throws IllegalStateException if the subpartition already received its end of partition (the buffer is recycled)
     */
    void add(Buffer buffer, boolean isEndOfPartition) {
        BufferAvailabilityListener toNotify = null;
        boolean discard;
        boolean alreadyFinished;
        synchronized (buffers) {
            alreadyFinished = finished;
            discard = alreadyFinished || consumed || failureCause != null;
            if (!discard) {
                if (buffers.isEmpty() && view != null) {
                    toNotify = view.listener();
                }
                buffers.add(buffer);
                if (!buffer.isEvent()) {
                    backlog++;
                }
                finished = isEndOfPartition;
            }
        }
        if (discard) {
            buffer.recycle();
            if (alreadyFinished) {
                throw new IllegalStateException("Subpartition " + index + " of " + parent.getPartitionId() + " is already finished");
            }
        }
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    /** Polls for the view; see {@link ResultSubpartitionView#pollNext()}. */
    BufferAndBacklog poll(BufferAndBacklog into) throws IOException {
        boolean consumedNow = false;
        synchronized (buffers) {
            if (failureCause != null) {
                throw parent.producerFailedException(failureCause);
            }
            Buffer buffer = buffers.poll();
            if (buffer == null) {
                return null;
            }
            if (!buffer.isEvent()) {
                backlog--;
            }
            boolean more = !buffers.isEmpty();
            if (finished && !more && !consumed) {
                consumed = true;
                consumedNow = true;
            }
            into.set(buffer, more, backlog);
        }
        if (consumedNow) {
            parent.onSubpartitionConsumed();
        }
        return into;
    }

    ResultSubpartitionView createView(BufferAvailabilityListener listener) throws IOException {
        PipelinedSubpartitionView newView;
        boolean notifyNow;
        synchronized (buffers) {
            if (view != null) {
                throw new IllegalStateException(
                        "Subpartition " + index + " of " + parent.getPartitionId() + " already has a consumer");
            }
            if (consumed) {
                throw new IOException("Subpartition " + index + " of " + parent.getPartitionId() + " was already released");
            }
            newView = new PipelinedSubpartitionView(this, listener);
            view = newView;
            notifyNow = !buffers.isEmpty() || failureCause != null;
        }
        if (notifyNow) {
            listener.notifyDataAvailable();
        }
        return newView;
    }

    /** The consumer released its view: drop what is queued and count this subpartition as consumed. */
    void releaseView() {
        Buffer[] toRecycle;
        boolean consumedNow;
        synchronized (buffers) {
            toRecycle = drainLocked();
            consumedNow = !consumed;
            consumed = true;
        }
        recycleAll(toRecycle);
        if (consumedNow) {
            parent.onSubpartitionConsumed();
        }
    }

    /** The producer failed: drop what is queued; the consumer's next poll throws. */
    void fail(Throwable cause) {
        Buffer[] toRecycle;
        BufferAvailabilityListener toNotify = null;
        synchronized (buffers) {
            if (failureCause != null) {
                return;
            }
            failureCause = cause;
            toRecycle = drainLocked();
            if (view != null && !consumed) {
                toNotify = view.listener();
            }
        }
        recycleAll(toRecycle);
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    int getBacklog() {
        synchronized (buffers) {
            return backlog;
        }
    }

    /** Buffers and events queued right now. */
    int getNumberOfQueuedBuffers() {
        synchronized (buffers) {
            return buffers.size();
        }
    }

    private Buffer[] drainLocked() {
        Buffer[] drained = buffers.toArray(new Buffer[0]);
        buffers.clear();
        backlog = 0;
        return drained;
    }

    private static void recycleAll(Buffer[] toRecycle) {
        for (Buffer buffer : toRecycle) {
            buffer.recycle();
        }
    }

    @Override
    public String toString() {
        return "PipelinedSubpartition{" + parent.getPartitionId() + "#" + index + "}";
    }
}
