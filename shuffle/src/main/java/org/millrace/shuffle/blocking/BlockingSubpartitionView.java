package org.millrace.shuffle.blocking;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.shuffle.buffer.BufferProvider;
import org.millrace.shuffle.partition.BufferAndBacklog;
import org.millrace.shuffle.partition.BufferAvailabilityListener;
import org.millrace.shuffle.partition.ResultSubpartitionView;

/**
 * Reads one finished blocking subpartition frame by frame into buffers of the reader's own small
 * pool, for a local input channel, for the Netty server on behalf of a remote one, or for a
 * {@link StoredInputChannel} reading a partition whose producer is gone.
 *
 * <p>Credit throttle: a frame is read only into a free pool buffer, so no more than the pool's
 * buffers are ever read ahead of the consumer. With none free, {@link #pollNext()} returns null and
 * the listener is notified when the consumer recycles one. Before the producer finishes, the view
 * reports nothing; the partition notifies the listener when it finishes or fails.
 *
 * <p>Pitfall: event buffers are built around a pool segment, so they, too, must be recycled.
 *
 * <p>Threading: polled by one thread; {@link #release()} may come from any thread and waits for a
 * poll in progress (at most one frame read).
 */
final class BlockingSubpartitionView implements ResultSubpartitionView {

    private final SubpartitionFile subpartition;
    private final BufferAvailabilityListener listener;
    private final BufferProvider readBuffers;
    private final BufferAndBacklog result = new BufferAndBacklog();
    private final Runnable notifyIfOpen = this::notifyIfOpen;

    // Guarded by this.
    private SpillFileReader reader;
    private int framesLeft;
    private int dataFramesLeft;
    private boolean endReached;
    private volatile boolean released;

    BlockingSubpartitionView(SubpartitionFile subpartition, BufferAvailabilityListener listener,
                             BufferProvider readBuffers) {
        this.subpartition = subpartition;
        this.listener = listener;
        this.readBuffers = readBuffers;
    }

    BufferAvailabilityListener listener() {
        return listener;
    }

    @Override
    public synchronized BufferAndBacklog pollNext() throws IOException {
        if (released || endReached) {
            return null;
        }
        subpartition.checkNotFailed();
        if (!subpartition.isFinished()) {
            return null;
        }
        if (reader == null) {
            reader = subpartition.openReader();
            framesLeft = subpartition.frames();
            dataFramesLeft = subpartition.dataFrames();
        }
        Buffer target = readBuffers.requestBuffer();
        if (target == null) {
            CompletableFuture<?> available = readBuffers.getAvailableFuture();
            if (!available.isDone()) {
                available.thenRun(notifyIfOpen);
                return null;
            }
            target = readBuffers.requestBuffer();
            if (target == null) {
                available.thenRun(notifyIfOpen);
                return null;
            }
        }
        Buffer next;
        try {
            next = readInto(target);
        } catch (IOException | RuntimeException e) {
            target.recycle();
            throw e;
        }
        result.set(next, !endReached, dataFramesLeft);
        return result;
    }

    private Buffer readInto(Buffer target) throws IOException {
        int length = reader.readFrame(target.getMemorySegment());
        if (length < 0) {
            throw reader.truncated(reader.offset()); // the file ended before its end of partition
        }
        if (--framesLeft == 0) {
            reader.checkEndsAt(subpartition.bytes());
            endReached = true;
        }
        if (reader.lastFrameIsEvent()) {
            return new Buffer(target.getMemorySegment(), segment -> target.recycle(), true, length);
        }
        dataFramesLeft--;
        target.setSize(length);
        return target;
    }

    @Override
    public synchronized int getBacklog() {
        if (reader != null) {
            return dataFramesLeft;
        }
        return subpartition.isFinished() ? subpartition.dataFrames() : 0;
    }

    /**
     * Stops reading and frees the read buffers (buffers still held by the consumer return when
     * recycled). If the end of partition was read, the subpartition may delete its file.
     */
    @Override
    public void release() {
        boolean consumedToEnd;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            consumedToEnd = endReached;
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // read-only file; nothing was lost
                }
                reader = null;
            }
        }
        readBuffers.destroy();
        subpartition.onViewReleased(this, consumedToEnd);
    }

    @Override
    public boolean isReleased() {
        return released;
    }

    private void notifyIfOpen() {
        if (!released) {
            listener.notifyDataAvailable();
        }
    }

    @Override
    public String toString() {
        return "BlockingSubpartitionView{" + subpartition + "}";
    }
}
