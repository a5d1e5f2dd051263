package org.millrace.shuffle.blocking;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.millrace.shuffle.buffer.BufferProvider;
import org.millrace.shuffle.partition.BufferAvailabilityListener;

/**
 * One consumer's share of a blocking partition: a spill file the producer appends to and, once the
 * partition is finished, at most one reading view at a time.
 *
 * <pre>
 *  producer ── append ──> &lt;dir&gt;/&lt;partition&gt;/&lt;index&gt;.data ── finish: EndOfPartition, fsync, close
 *                                                  │  readable from here on
 *  view (consumer) <── frames, checksum-verified ──┘  consumed + released: file deleted (releaseOnConsumption)
 * </pre>
 *
 * <p>The writer and the frame counts belong to the producer's thread; the partition's volatile
 * finished flag publishes the counts to readers. The view slot and the deleted flag are guarded by this.
 */
final class BlockingSubpartition implements SubpartitionFile {

    private final BlockingResultPartition parent;
    private final int index;
    private final SpillFileWriter writer;

    /** Written by the producer before the partition is marked finished. */
    private int frames;
    private int dataFrames;
    private long bytes;

    // Guarded by this.
    private BlockingSubpartitionView view;
    private boolean fileDeleted;

    BlockingSubpartition(BlockingResultPartition parent, int index, SpillStorage storage, String path) throws IOException {
        this.parent = parent;
        this.index = index;
        this.writer = new SpillFileWriter(storage, path);
    }

    /** Producer thread: appends a data buffer's or an event's bytes. */
    void append(ByteBuffer bytes, boolean isEvent) throws IOException {
        writer.append(bytes, isEvent);
    }

    /** Producer thread: appends the end of partition, makes the file durable and closes it. */
    void finish(ByteBuffer endOfPartition) throws IOException {
        writer.append(endOfPartition, true);
        writer.syncAndClose();
        frames = writer.frames();
        dataFrames = writer.dataFrames();
        bytes = writer.bytes();
    }

    /** Any thread (failure): stops writing; the partition deletes the file. */
    void closeWriterQuietly() {
        writer.closeQuietly();
    }

    /**
     * Connects a reader; its listener is notified at once if the partition is already finished or failed.
     *
     * @throws IOException if this subpartition was consumed and its file deleted
     * @throws IllegalStateException if another reader is connected
     */
    BlockingSubpartitionView createView(BufferAvailabilityListener listener, BufferProvider readBuffers)
            throws IOException {
        BlockingSubpartitionView newView;
        synchronized (this) {
            if (view != null) {
                throw new IllegalStateException("Subpartition " + index + " of " + parent.getPartitionId()
                        + " already has a consumer");
            }
            if (fileDeleted) {
                throw new IOException("Subpartition " + index + " of " + parent.getPartitionId()
                        + " was already consumed and released");
            }
            newView = new BlockingSubpartitionView(this, listener, readBuffers);
            view = newView;
        }
        if (parent.isFinished() || parent.isFailed()) {
            listener.notifyDataAvailable();
        }
        return newView;
    }

    /** The connected reader's listener, to tell it the partition finished or failed; null if none. */
    synchronized BufferAvailabilityListener currentListener() {
        return view == null ? null : view.listener();
    }

    /** A view was released; after reading to its end, the file goes if the partition releases on consumption. */
    @Override
    public void onViewReleased(BlockingSubpartitionView released, boolean consumedToEnd) {
        boolean deleteNow = false;
        synchronized (this) {
            if (view == released) {
                view = null;
            }
            if (consumedToEnd && parent.releasesOnConsumption() && !fileDeleted) {
                fileDeleted = true;
                deleteNow = true;
            }
        }
        if (deleteNow) {
            parent.onSubpartitionConsumed(this);
        }
    }

    /** @throws IOException carrying the producer's failure, if the partition failed or was released */
    @Override
    public void checkNotFailed() throws IOException {
        parent.checkNotFailedForReader();
    }

    @Override
    public boolean isFinished() {
        return parent.isFinished();
    }

    @Override
    public SpillFileReader openReader() throws IOException {
        return new SpillFileReader(parent.storage(), path());
    }

    String path() {
        return writer.path();
    }

    int index() {
        return index;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public int dataFrames() {
        return dataFrames;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "BlockingSubpartition{" + parent.getPartitionId() + "#" + index + "}";
    }
}
