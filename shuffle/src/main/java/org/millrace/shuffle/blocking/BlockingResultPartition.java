package org.millrace.shuffle.blocking;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.millrace.runtime.io.network.AbstractEvent;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.runtime.io.network.EventSerializer;
import org.millrace.shuffle.buffer.BufferProvider;
import org.millrace.shuffle.partition.BufferAvailabilityListener;
import org.millrace.shuffle.partition.ResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.millrace.shuffle.partition.ResultPartitionManager;
import org.millrace.shuffle.partition.ResultSubpartitionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A result partition written to files for BATCH exchanges: each subpartition's data and events are
 * appended to {@code <dir>/<partition id>/<subpartition>.data} as checksummed frames, and consumers
 * read them after the producer finished — possibly long after, and more than once. Finishing writes
 * {@code <dir>/<partition id>/_index} last, so a process that never saw this object can read the
 * partition through {@link BlockingPartitionReader} (layout in {@link PartitionLayout}).
 *
 * <p>Memory: every emitted buffer is written and recycled at once, so the producer's small pool
 * bounds its memory however much it writes. Readers read into their own small pools
 * ({@link ReadBufferPoolFactory}), never further ahead than those allow.
 *
 * <p>Lifecycle:
 * <pre>
 *  writing ──finish()──> finished (readable; views are notified) ──all subpartitions consumed──> released
 *     └──────fail(cause) / release(cause)──> failed: files deleted, readers throw the cause's message
 *  finished ──releaseOnShutdown(cause), storage outlives producers──> detached: files stay for other
 *                                                                    processes, local readers fail
 * </pre>
 * With {@code releaseOnConsumption} (the default), a subpartition's file is deleted once its reader
 * read the end of partition and released its view, and the partition leaves its
 * {@link ResultPartitionManager} when all are; without it, a finished subpartition can be read again
 * (BATCH region failover) until the partition is released. A view released before the end keeps
 * the file, so a restarted consumer can read it again.
 *
 * <p>Threading: as {@link org.millrace.runtime.io.network.ResultPartitionWriter}; consumers poll
 * their views from their own threads.
 */
public final class BlockingResultPartition implements ResultPartition {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingResultPartition.class);

    private final ResultPartitionID partitionId;
    private final String ownerTaskName;
    private final BufferProvider producerBuffers;
    private final SpillResources spill;
    private final String directory;
    private final boolean releaseOnConsumption;
    private final ResultPartitionManager partitionManager;
    private final BlockingSubpartition[] subpartitions;
    private final AtomicInteger unconsumedSubpartitions;
    private final AtomicReference<Throwable> failureCause = new AtomicReference<>();

    /** Set by the producer thread after every file is durable; publishes the files' frame counts. */
    private volatile boolean finished;

    /**
     * Creates the partition's directory and its (empty) spill files.
     *
     * @param producerBuffers the producer's pool; emitted buffers return to it right after being written
     * @param releaseOnConsumption delete each subpartition's file once it was read to its end
     * @throws IOException if the spill files cannot be created (none are left behind)
     */
    public BlockingResultPartition(
            ResultPartitionID partitionId,
            String ownerTaskName,
            int numberOfSubpartitions,
            BufferProvider producerBuffers,
            SpillResources spill,
            boolean releaseOnConsumption,
            ResultPartitionManager partitionManager) throws IOException {
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException("A partition needs at least one subpartition, got " + numberOfSubpartitions);
        }
        this.partitionId = partitionId;
        this.ownerTaskName = ownerTaskName;
        this.producerBuffers = producerBuffers;
        this.spill = spill;
        this.directory = PartitionLayout.partitionDirectory(spill.directory(), partitionId);
        this.releaseOnConsumption = releaseOnConsumption;
        this.partitionManager = partitionManager;
        this.subpartitions = new BlockingSubpartition[numberOfSubpartitions];
        this.unconsumedSubpartitions = new AtomicInteger(numberOfSubpartitions);
        try {
            for (int i = 0; i < numberOfSubpartitions; i++) {
                subpartitions[i] = new BlockingSubpartition(
                        this, i, spill.storage(), PartitionLayout.dataFile(directory, i));
            }
        } catch (IOException | RuntimeException e) {
            closeWriters();
            deleteFiles();
            throw new IOException("Cannot create the spill files of partition " + partitionId + " of " + ownerTaskName
                    + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public String getOwnerTaskName() {
        return ownerTaskName;
    }

    @Override
    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    /** The directory holding this partition's spill files and index: where consumers elsewhere open it. */
    public String getDirectory() {
        return directory;
    }

    /** The spill file of one subpartition. */
    public String getSpillFile(int subpartitionIndex) {
        return subpartitions[subpartitionIndex].path();
    }

    @Override
    public Buffer requestBuffer() {
        return producerBuffers.requestBuffer();
    }

    @Override
    public Buffer requestBufferBlocking() throws InterruptedException {
        return producerBuffers.requestBufferBlocking();
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return producerBuffers.getAvailableFuture();
    }

    /** Appends the buffer to the subpartition's file and recycles it before returning (also on failure). */
    @Override
    public void emitBuffer(Buffer buffer, int subpartition) throws IOException {
        try {
            checkWritable();
            subpartitions[subpartition].append(buffer.getMemorySegment().wrap(0, buffer.getSize()), buffer.isEvent());
        } catch (IOException e) {
            throw writeFailed(e);
        } finally {
            buffer.recycle();
        }
    }

    @Override
    public void broadcastEvent(AbstractEvent event) throws IOException {
        if (event instanceof EndOfPartitionEvent) {
            finish();
            return;
        }
        checkWritable();
        ByteBuffer bytes = EventSerializer.toByteBuffer(event);
        try {
            for (BlockingSubpartition subpartition : subpartitions) {
                subpartition.append(bytes.duplicate(), true);
            }
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /**
     * Appends the end of partition to every file, makes them durable and closes them, then writes the
     * index; from now on the partition is readable, here and from other processes, and connected
     * readers are notified.
     */
    @Override
    public void finish() throws IOException {
        checkWritable();
        ByteBuffer endOfPartition = EventSerializer.toByteBuffer(EndOfPartitionEvent.INSTANCE);
        try {
            for (BlockingSubpartition subpartition : subpartitions) {
                subpartition.finish(endOfPartition.duplicate());
            }
            writeIndex();
        } catch (IOException e) {
            throw writeFailed(e);
        }
        finished = true;
        LOG.debug("{} finished blocking result partition {} in {}", ownerTaskName, partitionId, directory);
        notifyReaders();
    }

    private void writeIndex() throws IOException {
        int n = subpartitions.length;
        long[] bytes = new long[n];
        int[] frames = new int[n];
        int[] dataFrames = new int[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = subpartitions[i].bytes();
            frames[i] = subpartitions[i].frames();
            dataFrames[i] = subpartitions[i].dataFrames();
        }
        new PartitionIndex(bytes, frames, dataFrames).write(spill.storage(), directory);
    }

    private void checkWritable() throws IOException {
        Throwable cause = failureCause.get();
        if (cause != null) {
            throw new IOException("Result partition " + partitionId + " of " + ownerTaskName + " was failed or released", cause);
        }
        if (finished) {
            throw new IllegalStateException("Result partition " + partitionId + " of " + ownerTaskName + " is already finished");
        }
    }

    private IOException writeFailed(IOException e) {
        if (failureCause.get() != null) {
            return new IOException("Result partition " + partitionId + " of " + ownerTaskName + " was failed or released",
                    failureCause.get());
        }
        return new IOException("Cannot write spill file of partition " + partitionId + " of " + ownerTaskName + ": "
                + e.getMessage(), e);
    }

    /** Deletes the files; connected and later readers fail with {@code cause}'s message. */
    @Override
    public void fail(Throwable cause) {
        if (!failureCause.compareAndSet(null, cause)) {
            return;
        }
        LOG.debug("Blocking result partition {} of {} failed; deleting {}", partitionId, ownerTaskName, directory, cause);
        closeWriters();
        deleteFiles();
        notifyReaders();
    }

    /** Producer side done: an unfinished partition is failed; the producer's buffer pool is destroyed. */
    @Override
    public void close() {
        if (!finished && failureCause.get() == null) {
            fail(new IllegalStateException("Producer " + ownerTaskName + " closed its partition before finishing it"));
        }
        producerBuffers.destroy();
    }

    /** Drops the partition, finished or not: files deleted, readers fail, producer pool destroyed. */
    @Override
    public void release(Throwable cause) {
        if (failureCause.compareAndSet(null, cause)) {
            LOG.debug("Releasing blocking result partition {} of {}; deleting {}", partitionId, ownerTaskName, directory);
            closeWriters();
            deleteFiles();
            notifyReaders();
        }
        producerBuffers.destroy();
    }

    /**
     * The TaskExecutor shuts down. On storage that outlives producers ({@link SpillResources#outlivesProducer()}),
     * a finished partition keeps its files for consumers in other processes (the job's cleanup deletes
     * them) while readers here fail with {@code cause}; anything else is released as by {@link #release}.
     */
    @Override
    public void releaseOnShutdown(Throwable cause) {
        if (!finished || !spill.outlivesProducer() || !failureCause.compareAndSet(null, cause)) {
            release(cause);
            return;
        }
        LOG.debug("Detaching finished blocking partition {} of {}; its files stay in {}", partitionId, ownerTaskName,
                directory);
        notifyReaders();
        producerBuffers.destroy();
    }

    @Override
    public ResultSubpartitionView createSubpartitionView(int subpartitionIndex, BufferAvailabilityListener listener)
            throws IOException {
        if (subpartitionIndex < 0 || subpartitionIndex >= subpartitions.length) {
            throw new IllegalArgumentException("Subpartition index " + subpartitionIndex + " out of range: partition "
                    + partitionId + " has " + subpartitions.length + " subpartitions");
        }
        BufferProvider readBuffers = spill.readBufferPools().create(
                "reader of " + partitionId + "#" + subpartitionIndex + " (" + ownerTaskName + ")");
        try {
            return subpartitions[subpartitionIndex].createView(listener, readBuffers);
        } catch (IOException | RuntimeException e) {
            readBuffers.destroy();
            throw e;
        }
    }

    @Override
    public boolean isFullyConsumed() {
        return unconsumedSubpartitions.get() == 0;
    }

    public boolean isFinished() {
        return finished;
    }

    public boolean isFailed() {
        return failureCause.get() != null;
    }

    boolean releasesOnConsumption() {
        return releaseOnConsumption;
    }

    SpillStorage storage() {
        return spill.storage();
    }

    /** A subpartition was read to its end and released: its file goes; the last one releases the partition. */
    void onSubpartitionConsumed(BlockingSubpartition subpartition) {
        delete(subpartition.path());
        if (unconsumedSubpartitions.decrementAndGet() == 0) {
            deleteFiles();
            LOG.debug("Blocking result partition {} of {} fully consumed; files deleted", partitionId, ownerTaskName);
            partitionManager.releasePartition(partitionId,
                    new IllegalStateException("Result partition " + partitionId + " was fully consumed and released"));
        }
    }

    /** For readers: throws the producer's failure, naming this partition. */
    void checkNotFailedForReader() throws IOException {
        Throwable cause = failureCause.get();
        if (cause != null) {
            String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
            throw new IOException("Producer of partition " + partitionId + " failed: " + message, cause);
        }
    }

    private void notifyReaders() {
        for (BlockingSubpartition subpartition : subpartitions) {
            BufferAvailabilityListener listener = subpartition.currentListener();
            if (listener != null) {
                listener.notifyDataAvailable();
            }
        }
    }

    private void closeWriters() {
        for (BlockingSubpartition subpartition : subpartitions) {
            if (subpartition != null) {
                subpartition.closeWriterQuietly();
            }
        }
    }

    private void deleteFiles() {
        delete(directory);
    }

    private void delete(String path) {
        try {
            spill.storage().delete(path);
        } catch (IOException e) {
            LOG.warn("Could not delete spill file(s) {} of partition {} of {}: {}", path, partitionId, ownerTaskName,
                    e.toString());
        }
    }

    @Override
    public String toString() {
        return "BlockingResultPartition{" + partitionId + ", " + ownerTaskName + ", " + subpartitions.length
                + " subpartitions, " + directory + "}";
    }
}
