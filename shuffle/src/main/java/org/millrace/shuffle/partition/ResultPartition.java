package org.millrace.shuffle.partition;

import java.io.IOException;
import org.millrace.runtime.io.network.ResultPartitionWriter;

/**
 * A result partition as the {@link ResultPartitionManager} sees it: the producer writes through
 * {@link ResultPartitionWriter}, consumers read each subpartition through a view. Pipelined
 * partitions implement it today; blocking (file/HDFS) partitions will implement it later.
 */
public interface ResultPartition extends ResultPartitionWriter {

    ResultPartitionID getPartitionId();

    /**
     * Connects a consumer to one subpartition. Works before or after data was added; if data is
     * already queued (or the partition failed) the listener is notified before this returns.
     *
     * @throws IOException if the subpartition cannot be read (e.g. it was already released)
     * @throws IllegalStateException if the subpartition already has a consumer
     */
    ResultSubpartitionView createSubpartitionView(int subpartitionIndex, BufferAvailabilityListener listener)
            throws IOException;

    /**
     * Fails the partition (see {@link #fail}) and frees its memory at once, also waking a producer
     * waiting for a buffer. Used when the scheduler or the TaskExecutor drops the partition.
     */
    void release(Throwable cause);

    /**
     * The TaskExecutor holding this partition shuts down: as {@link #release}, except that a partition
     * whose finished data lives on storage shared with other processes may keep that data for them.
     */
    default void releaseOnShutdown(Throwable cause) {
        release(cause);
    }

    /** Whether every subpartition has been consumed to its end or released by its consumer. */
    boolean isFullyConsumed();
}
