package org.millrace.shuffle;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * Where a consumer finds one producer's partition: in its own TaskExecutor ({@code address} null,
 * read without copying) or at the shuffle server of another TaskExecutor (read over Netty).
 *
 * @param partitionId the producer's partition
 * @param address the producing TaskExecutor's shuffle server, or null if it is this TaskExecutor
 */
public record ProducerLocation(ResultPartitionID partitionId, InetSocketAddress address) implements java.io.Serializable {

    public ProducerLocation {
        Objects.requireNonNull(partitionId, "partitionId");
    }

    public static ProducerLocation local(ResultPartitionID partitionId) {
        return new ProducerLocation(partitionId, null);
    }

    public static ProducerLocation remote(ResultPartitionID partitionId, InetSocketAddress address) {
        return new ProducerLocation(partitionId, Objects.requireNonNull(address, "address"));
    }

    public boolean isLocal() {
        return address == null;
    }
}
