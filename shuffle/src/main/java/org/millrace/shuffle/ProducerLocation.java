package org.millrace.shuffle;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * Where a consumer finds one producer's partition: in its own TaskExecutor ({@code address} null,
 * read without copying), at the shuffle server of another TaskExecutor (read over Netty), or — for
 * a finished blocking partition on shared storage ({@code shuffle.blocking.storage}) — in that
 * storage, read directly whether or not its producer's TaskExecutor still exists.
 *
 * @param partitionId the producer's partition
 * @param address the producing TaskExecutor's shuffle server, or null if it is this TaskExecutor
 *     or the partition is read from storage
 * @param stored whether the partition is read from the shared blocking storage
 */
public record ProducerLocation(ResultPartitionID partitionId, InetSocketAddress address, boolean stored)
        implements java.io.Serializable {

    public ProducerLocation {
        Objects.requireNonNull(partitionId, "partitionId");
        if (stored && address != null) {
            throw new IllegalArgumentException("A stored partition has no producer address: " + partitionId);
        }
    }

    public static ProducerLocation local(ResultPartitionID partitionId) {
        return new ProducerLocation(partitionId, null, false);
    }

    public static ProducerLocation remote(ResultPartitionID partitionId, InetSocketAddress address) {
        return new ProducerLocation(partitionId, Objects.requireNonNull(address, "address"), false);
    }

    /** A finished blocking partition, read from the shared storage below the job's directory. */
    public static ProducerLocation stored(ResultPartitionID partitionId) {
        return new ProducerLocation(partitionId, null, true);
    }

    public boolean isLocal() {
        return address == null && !stored;
    }
}
