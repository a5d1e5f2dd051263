package org.millrace.shuffle.blocking;

import java.util.Objects;

/**
 * What blocking partitions of one TaskExecutor (and one job) share: where spill files go, where
 * readers get their buffers, and whether finished files outlive the TaskExecutor. Each partition
 * writes below {@code directory}/{@code <partition id>}/.
 *
 * @param storage the file system the spill files live on
 * @param directory the directory all partitions' directories are created in
 * @param readBufferPools gives each subpartition reader its buffers
 * @param outlivesProducer whether finished partitions stay when their TaskExecutor shuts down
 *     (shared storage such as HDFS, read by other processes) rather than being deleted with it
 */
public record SpillResources(SpillStorage storage, String directory, ReadBufferPoolFactory readBufferPools,
                             boolean outlivesProducer) {

    public SpillResources {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(readBufferPools, "readBufferPools");
    }
}
