package org.millrace.shuffle.blocking;

import java.io.IOException;
import java.util.Objects;
import org.millrace.shuffle.buffer.BufferProvider;
import org.millrace.shuffle.partition.BufferAvailabilityListener;
import org.millrace.shuffle.partition.ResultSubpartitionView;

/**
 * Opens a finished blocking partition from storage given only its directory, with no producer
 * process behind it: e.g. a consumer on another TaskExecutor reading HDFS after the producing
 * TaskExecutor is gone. The partition's {@code _index} says it is complete and how many frames each
 * subpartition holds; every frame's checksum is verified as it is read.
 *
 * <p>Views read exactly as those of a live {@link BlockingResultPartition}: into the reader's own
 * small buffer pool, never further ahead than its free buffers. Reading deletes nothing and a
 * subpartition may be read any number of times, also concurrently; the files go when the job's
 * storage is cleaned up ({@link BlockingStorage#releaseJob}). Thread-safe.
 */
public final class BlockingPartitionReader {

    private final SpillStorage storage;
    private final String directory;
    private final PartitionIndex index;
    private final ReadBufferPoolFactory readBufferPools;

    private BlockingPartitionReader(SpillStorage storage, String directory, PartitionIndex index,
                                    ReadBufferPoolFactory readBufferPools) {
        this.storage = storage;
        this.directory = directory;
        this.index = index;
        this.readBufferPools = readBufferPools;
    }

    /**
     * Reads and verifies the index of the partition in {@code partitionDirectory}.
     *
     * @throws PartitionNotFinishedException if the partition has no valid index (not finished, or damaged)
     * @throws IOException if the storage cannot be read
     */
    public static BlockingPartitionReader open(SpillStorage storage, String partitionDirectory,
                                               ReadBufferPoolFactory readBufferPools) throws IOException {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(readBufferPools, "readBufferPools");
        PartitionIndex index = PartitionIndex.read(storage, partitionDirectory);
        return new BlockingPartitionReader(storage, partitionDirectory, index, readBufferPools);
    }

    public String getDirectory() {
        return directory;
    }

    public int getNumberOfSubpartitions() {
        return index.numberOfSubpartitions();
    }

    /** Length in bytes of one subpartition's spill file, as the index records it. */
    public long getSubpartitionBytes(int subpartitionIndex) {
        checkIndex(subpartitionIndex);
        return index.bytes(subpartitionIndex);
    }

    /**
     * Creates a view reading one subpartition from its start; its listener is notified before this
     * returns, as the data is all there. Release the view when done: it frees its read buffers.
     *
     * @throws IOException if the view's read buffers cannot be reserved
     */
    public ResultSubpartitionView createSubpartitionView(int subpartitionIndex, BufferAvailabilityListener listener)
            throws IOException {
        checkIndex(subpartitionIndex);
        StoredSubpartition file = new StoredSubpartition(storage, PartitionLayout.dataFile(directory, subpartitionIndex),
                index.frames(subpartitionIndex), index.dataFrames(subpartitionIndex), index.bytes(subpartitionIndex));
        BufferProvider readBuffers = readBufferPools.create("reader of " + directory + "#" + subpartitionIndex);
        BlockingSubpartitionView view = new BlockingSubpartitionView(file, listener, readBuffers);
        listener.notifyDataAvailable();
        return view;
    }

    private void checkIndex(int subpartitionIndex) {
        if (subpartitionIndex < 0 || subpartitionIndex >= index.numberOfSubpartitions()) {
            throw new IllegalArgumentException("Subpartition index " + subpartitionIndex + " out of range: partition "
                    + directory + " has " + index.numberOfSubpartitions() + " subpartitions");
        }
    }

    @Override
    public String toString() {
        return "BlockingPartitionReader{" + directory + ", " + index.numberOfSubpartitions() + " subpartitions}";
    }
}
