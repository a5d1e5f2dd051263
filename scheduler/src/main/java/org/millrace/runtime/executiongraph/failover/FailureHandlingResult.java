package org.millrace.runtime.executiongraph.failover;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to one failure, made by {@link ExecutionFailureHandler} for the JobMaster to carry
 * out: either restart these subtasks after this delay, or give up and fail the job. Immutable.
 */
public final class FailureHandlingResult {

    private final SubtaskId failedSubtask;
    private final Throwable error;
    private final long timestamp;
    private final boolean restartable;
    private final Set<SubtaskId> subtasksToRestart;
    private final long restartDelayMillis;
    private final String failureMessage;

    private FailureHandlingResult(SubtaskId failedSubtask, Throwable error, long timestamp, boolean restartable,
            Set<SubtaskId> subtasksToRestart, long restartDelayMillis, String failureMessage) {
        this.failedSubtask = failedSubtask;
        this.error = Objects.requireNonNull(error, "error");
        this.timestamp = timestamp;
        this.restartable = restartable;
        this.subtasksToRestart = subtasksToRestart;
        this.restartDelayMillis = restartDelayMillis;
        this.failureMessage = failureMessage;
    }

    /** Restart {@code subtasksToRestart} after {@code restartDelayMillis}; {@code failedSubtask} null for a global failure. */
    static FailureHandlingResult restartable(SubtaskId failedSubtask, Throwable error, long timestamp,
            Set<SubtaskId> subtasksToRestart, long restartDelayMillis) {
        return new FailureHandlingResult(failedSubtask, error, timestamp, true, subtasksToRestart, restartDelayMillis,
                String.valueOf(error));
    }

    /** Fail the job; {@code reason} says why no restart was possible. */
    static FailureHandlingResult unrecoverable(SubtaskId failedSubtask, Throwable error, long timestamp, String reason) {
        return new FailureHandlingResult(failedSubtask, error, timestamp, false, Set.of(), -1L, reason + ": " + error);
    }

    /** Whether the job restarts; otherwise it must be failed with {@link #getError()}. */
    public boolean canRestart() {
        return restartable;
    }

    /** @throws IllegalStateException if {@link #canRestart()} is false */
    public long getRestartDelayMillis() {
        checkRestartable();
        return restartDelayMillis;
    }

    /**
     * The subtasks to cancel and deploy again (some may not have started yet).
     *
     * @throws IllegalStateException if {@link #canRestart()} is false
     */
    public Set<SubtaskId> getSubtasksToRestart() {
        checkRestartable();
        return subtasksToRestart;
    }

    /** The failure as reported: what the exception history shows and, if not restartable, what the job fails with. */
    public Throwable getError() {
        return error;
    }

    /**
     * One line for logs and users: the failure, prefixed, when the job cannot restart, by the reason
     * (e.g. {@code "Recovery is suppressed by restart strategy 'fixed-delay' (3 restart attempts, delay 1000 ms): ..."}).
     */
    public String getFailureMessage() {
        return failureMessage;
    }

    /** The subtask that failed, or empty for a global (job-wide) failure. */
    public Optional<SubtaskId> getFailedSubtask() {
        return Optional.ofNullable(failedSubtask);
    }

    public boolean isGlobalFailure() {
        return failedSubtask == null;
    }

    /** When the failure happened, in epoch milliseconds as given by the caller. */
    public long getTimestamp() {
        return timestamp;
    }

    private void checkRestartable() {
        if (!restartable) {
            throw new IllegalStateException("The failure is not restartable: " + failureMessage);
        }
    }

    @Override
    public String toString() {
        return restartable
                ? "restart " + subtasksToRestart.size() + " subtasks in " + restartDelayMillis + " ms after " + failureMessage
                : "fail the job: " + failureMessage;
    }
}
