package org.millrace.shuffle.partition;

import java.io.IOException;

/**
 * A consumer asked for a partition its TaskExecutor does not know: either the producer has not
 * registered it yet (a scheduling bug, as producers register before consumers start) or it was
 * already released.
 */
public final class PartitionNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    private final ResultPartitionID partitionId;

    public PartitionNotFoundException(ResultPartitionID partitionId) {
        super("Result partition " + partitionId + " is not registered with this TaskExecutor's partition manager:"
                + " its producer must register it before consumers connect, and it may already have been released");
        this.partitionId = partitionId;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }
}
