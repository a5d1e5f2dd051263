package org.millrace.configuration;

/**
 * Whether a job's checkpoints outlive it ({@code execution.checkpointing.externalized-checkpoint-retention},
 * Flink's values): by default they exist only to recover from failures and are deleted when the
 * job ends; retained ones can be resumed from with {@code flink run -s <checkpoint dir>} like a
 * savepoint. A finished job's checkpoints are always deleted, and a JobManager that loses its
 * leadership never deletes any (the next leader recovers from them).
 */
public enum ExternalizedCheckpointRetention {
    /** Deleted when the job ends, whether it finished, failed or was cancelled. */
    NO_EXTERNALIZED_CHECKPOINTS,
    /** Kept when the job fails; deleted when it is cancelled or finishes. */
    DELETE_ON_CANCELLATION,
    /** Kept when the job fails or is cancelled; deleted when it finishes. */
    RETAIN_ON_CANCELLATION
}
