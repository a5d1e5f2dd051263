package org.millrace.shuffle.blocking;

import java.util.Objects;

/**
 * What blocking partitions of one TaskExecutor share: where spill files go and where readers get
 * their buffers. Each partition writes below {@code directory}/{@code <partition id>}/.
 *
 * @param storage the file system the spill files live on
 * @param directory the directory all partitions' directories are created in
 * @param readBufferPools gives each subpartition reader its buffers
 */
public record SpillResources(SpillStorage storage, String directory, ReadBufferPoolFactory readBufferPools) {

    public SpillResources {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(readBufferPools, "readBufferPools");
    }
}
