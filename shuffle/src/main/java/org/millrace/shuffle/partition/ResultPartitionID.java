package org.millrace.shuffle.partition;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names one produced result partition across the cluster: which partition of an intermediate
 * result, produced by which execution attempt. A restarted producer writes a new partition of the
 * same intermediate result, so the attempt is part of the identity. Small and serializable, because
 * the scheduler sends it to consumers in deployment descriptors.
 *
 * @param intermediatePartitionId the partition of the intermediate result (e.g. result id + producer subtask index)
 * @param producerAttemptId the execution attempt that produces it
 */
public record ResultPartitionID(String intermediatePartitionId, String producerAttemptId) implements Serializable {

    public ResultPartitionID {
        Objects.requireNonNull(intermediatePartitionId, "intermediatePartitionId");
        Objects.requireNonNull(producerAttemptId, "producerAttemptId");
    }

    @Override
    public String toString() {
        return intermediatePartitionId + "@" + producerAttemptId;
    }
}
