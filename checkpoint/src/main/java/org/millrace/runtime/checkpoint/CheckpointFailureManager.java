package org.millrace.runtime.checkpoint;

/**
 * Counts failed checkpoints in a row against {@code execution.checkpointing.tolerable-failed-checkpoints}:
 * one more than tolerated fails the job over; a completed checkpoint resets the count.
 */
final class CheckpointFailureManager {

    private final int tolerable;
    private int consecutiveFailures;

    CheckpointFailureManager(int tolerable) {
        this.tolerable = tolerable;
    }

    /** Records a failed checkpoint; true if the job must now fail. */
    boolean failed() {
        consecutiveFailures++;
        return consecutiveFailures > tolerable;
    }

    void succeeded() {
        consecutiveFailures = 0;
    }

    int tolerable() {
        return tolerable;
    }
}
