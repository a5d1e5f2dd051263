package org.millrace.runtime.executiongraph.failover;

import java.io.IOException;

/**
 * A task failed because a blocking partition it reads is gone (its file was deleted, or the
 * TaskManager holding it died). Region failover, finding this in a failure's cause chain, re-runs
 * the producer's region as well. The JobMaster wraps the shuffle's {@code PartitionNotFoundException}
 * (or a connection failure to a dead producer host) in this once it knows which partition it was.
 */
public final class ConsumedPartitionLostException extends IOException {

    private static final long serialVersionUID = 1L;

    private final ResultPartitionKey partition;

    public ConsumedPartitionLostException(ResultPartitionKey partition, Throwable cause) {
        super("Result partition of subtask " + partition.producerSubtaskIndex() + " on edge " + partition.edgeId()
                + " can no longer be read; its producer must run again", cause);
        this.partition = partition;
    }

    public ResultPartitionKey getPartition() {
        return partition;
    }
}
