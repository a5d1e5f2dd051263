package org.millrace.shuffle.partition;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.millrace.runtime.io.network.AbstractEvent;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.runtime.io.network.EventSerializer;
import org.millrace.shuffle.buffer.BufferProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A result partition kept in memory and streamed to consumers while it is produced (STREAMING
 * mode, eager scheduling): one {@link PipelinedSubpartition} per consumer subtask. Buffers come
 * from the partition's own {@link BufferProvider}; a consumer that stops reading keeps them, so the
 * producer runs out and waits — backpressure without unbounded memory.
 *
 * <p>Lifecycle: {@link #finish()} queues an end of partition in every subpartition; once every
 * subpartition has been consumed to its end (or released by its consumer) the partition removes
 * itself from its {@link ResultPartitionManager}. {@link #fail(Throwable)} recycles what is queued
 * and makes each consumer's next read throw. {@link #close()} (producer side) gives the buffer
 * pool's free memory back; buffers still queued stay readable and return to the global pool when
 * recycled.
 *
 * <p>Threading: as {@link org.millrace.runtime.io.network.ResultPartitionWriter}; consumers poll
 * their views from their own threads.
 */
public final class PipelinedResultPartition implements ResultPartition {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinedResultPartition.class);

    private final ResultPartitionID partitionId;
    private final String ownerTaskName;
    private final PipelinedSubpartition[] subpartitions;
    private final BufferProvider bufferProvider;
    private final ResultPartitionManager partitionManager;
    private final AtomicInteger unconsumedSubpartitions;

    /** Set by the producer thread only. */
    private boolean finished;

    private final AtomicReference<Throwable> failureCause = new AtomicReference<>();

    public PipelinedResultPartition(
            ResultPartitionID partitionId,
            String ownerTaskName,
            int numberOfSubpartitions,
            BufferProvider bufferProvider,
            ResultPartitionManager partitionManager) {
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException("A partition needs at least one subpartition, got " + numberOfSubpartitions);
        }
        this.partitionId = partitionId;
        this.ownerTaskName = ownerTaskName;
        this.bufferProvider = bufferProvider;
        this.partitionManager = partitionManager;
        this.subpartitions = new PipelinedSubpartition[numberOfSubpartitions];
        for (int i = 0; i < numberOfSubpartitions; i++) {
            subpartitions[i] = new PipelinedSubpartition(this, i);
        }
        this.unconsumedSubpartitions = new AtomicInteger(numberOfSubpartitions);
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

    @Override
    public Buffer requestBuffer() {
        return bufferProvider.requestBuffer();
    }

    @Override
    public Buffer requestBufferBlocking() throws InterruptedException {
        return bufferProvider.requestBufferBlocking();
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return bufferProvider.getAvailableFuture();
    }

    @Override
    public void emitBuffer(Buffer buffer, int subpartition) throws IOException {
        Throwable cause = failureCause.get();
        if (cause != null) {
            buffer.recycle();
            throw new IOException("Result partition " + partitionId + " of " + ownerTaskName + " was failed or released", cause);
        }
        subpartitions[subpartition].add(buffer, false);
    }

    @Override
    public void broadcastEvent(AbstractEvent event) throws IOException {
        if (event instanceof EndOfPartitionEvent) {
            finish();
            return;
        }
        checkWritable();
        for (PipelinedSubpartition subpartition : subpartitions) {
            subpartition.add(EventSerializer.toBuffer(event), false);
        }
    }

    @Override
    public void finish() throws IOException {
        checkWritable();
        finished = true;
        for (PipelinedSubpartition subpartition : subpartitions) {
            subpartition.add(EventSerializer.toBuffer(EndOfPartitionEvent.INSTANCE), true);
        }
        LOG.debug("{} finished result partition {}", ownerTaskName, partitionId);
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

    @Override
    public void fail(Throwable cause) {
        if (!failureCause.compareAndSet(null, cause)) {
            return;
        }
        LOG.debug("Result partition {} of {} failed", partitionId, ownerTaskName, cause);
        for (PipelinedSubpartition subpartition : subpartitions) {
            subpartition.fail(cause);
        }
    }

    /** Producer side done: an unfinished partition is failed, then the pool's free memory is returned. */
    @Override
    public void close() {
        if (!finished && failureCause.get() == null) {
            fail(new IllegalStateException("Producer " + ownerTaskName + " closed its partition before finishing it"));
        }
        bufferProvider.destroy();
    }

    @Override
    public void release(Throwable cause) {
        fail(cause);
        bufferProvider.destroy();
    }

    @Override
    public ResultSubpartitionView createSubpartitionView(int subpartitionIndex, BufferAvailabilityListener listener)
            throws IOException {
        if (subpartitionIndex < 0 || subpartitionIndex >= subpartitions.length) {
            throw new IllegalArgumentException("Subpartition index " + subpartitionIndex + " out of range: partition "
                    + partitionId + " has " + subpartitions.length + " subpartitions");
        }
        return subpartitions[subpartitionIndex].createView(listener);
    }

    @Override
    public boolean isFullyConsumed() {
        return unconsumedSubpartitions.get() == 0;
    }

    public boolean isFailed() {
        return failureCause.get() != null;
    }

    /** Data buffers queued in one subpartition. */
    public int getBacklog(int subpartitionIndex) {
        return subpartitions[subpartitionIndex].getBacklog();
    }

    /** Buffers and events queued in one subpartition. */
    public int getNumberOfQueuedBuffers(int subpartitionIndex) {
        return subpartitions[subpartitionIndex].getNumberOfQueuedBuffers();
    }

    void onSubpartitionConsumed() {
        if (unconsumedSubpartitions.decrementAndGet() == 0) {
            partitionManager.onPartitionConsumed(this);
        }
    }

    IOException producerFailedException(Throwable cause) {
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
        return new IOException("Producer of partition " + partitionId + " failed: " + message, cause);
    }

    @Override
    public String toString() {
        return "PipelinedResultPartition{" + partitionId + ", " + ownerTaskName + ", " + subpartitions.length
                + " subpartitions}";
    }
}
