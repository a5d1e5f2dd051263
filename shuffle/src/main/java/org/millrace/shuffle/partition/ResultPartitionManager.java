package org.millrace.shuffle.partition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of the result partitions produced in one TaskExecutor, so that consumers (local
 * input channels now, the network server later) can find them by {@link ResultPartitionID}.
 *
 * <p>Producers' partitions are registered when their task is deployed, before any consumer
 * connects. A partition leaves the directory when it has been fully consumed, when the scheduler
 * releases it, or when the TaskExecutor shuts down. Thread-safe.
 */
public final class ResultPartitionManager {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPartitionManager.class);

    private final ConcurrentHashMap<ResultPartitionID, ResultPartition> partitions = new ConcurrentHashMap<>();

    private volatile boolean shutdown;

    /** @throws IllegalStateException if a partition with the same id is registered or the manager is shut down */
    public void registerResultPartition(ResultPartition partition) {
        if (shutdown) {
            throw new IllegalStateException("Partition manager is shut down; cannot register " + partition.getPartitionId());
        }
        ResultPartition previous = partitions.putIfAbsent(partition.getPartitionId(), partition);
        if (previous != null) {
            throw new IllegalStateException("Result partition " + partition.getPartitionId() + " is already registered");
        }
        LOG.debug("Registered result partition {}", partition.getPartitionId());
    }

    /** @throws PartitionNotFoundException if no such partition is registered */
    public ResultPartition getPartition(ResultPartitionID partitionId) throws PartitionNotFoundException {
        ResultPartition partition = partitions.get(partitionId);
        if (partition == null) {
            throw new PartitionNotFoundException(partitionId);
        }
        return partition;
    }

    /** Connects a consumer to subpartition {@code subpartitionIndex} of a registered partition. */
    public ResultSubpartitionView createSubpartitionView(
            ResultPartitionID partitionId, int subpartitionIndex, BufferAvailabilityListener listener)
            throws IOException {
        return getPartition(partitionId).createSubpartitionView(subpartitionIndex, listener);
    }

    /** The ids of all partitions registered now (a copy). */
    public java.util.Set<ResultPartitionID> getPartitionIds() {
        return java.util.Set.copyOf(partitions.keySet());
    }

    public boolean isRegistered(ResultPartitionID partitionId) {
        return partitions.containsKey(partitionId);
    }

    public int getNumberOfRegisteredPartitions() {
        return partitions.size();
    }

    /**
     * Removes a partition and releases it with {@code cause}: its consumers' next read throws, its
     * queued buffers are recycled and its buffer pool destroyed. No-op if it is not registered.
     */
    public void releasePartition(ResultPartitionID partitionId, Throwable cause) {
        ResultPartition partition = partitions.remove(partitionId);
        if (partition != null) {
            LOG.debug("Releasing result partition {}: {}", partitionId, cause.toString());
            partition.release(cause);
        }
    }

    /** Called by a partition once every subpartition was consumed to its end or released. */
    void onPartitionConsumed(ResultPartition partition) {
        if (partitions.remove(partition.getPartitionId(), partition)) {
            LOG.debug("Result partition {} fully consumed; unregistered", partition.getPartitionId());
        }
    }

    /** Releases every registered partition; the TaskExecutor is shutting down. */
    public void shutdown() {
        shutdown = true;
        List<ResultPartitionID> ids = new ArrayList<>(partitions.keySet());
        IllegalStateException cause = new IllegalStateException("TaskExecutor's shuffle environment shut down");
        for (ResultPartitionID id : ids) {
            ResultPartition partition = partitions.remove(id);
            if (partition != null) {
                // finished partitions on shared storage outlive this TaskExecutor: the job releases them
                partition.releaseOnShutdown(cause);
            }
        }
    }
}
