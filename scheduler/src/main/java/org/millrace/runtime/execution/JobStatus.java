package org.millrace.runtime.execution;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a job on the cluster.
 *
 * <pre>
 *  CREATED ─> RUNNING ─> FINISHED
 *               │ ▲ └──> CANCELLING ─> CANCELED
 *               │ │ └──> FAILING ─────> FAILED
 *               ▼ │
 *            RESTARTING ─> CANCELLING | CANCELED | FAILING | FAILED
 * </pre>
 *
 * RESTARTING: the restart strategy allowed a restart of the whole job; its tasks are being
 * cancelled, or it waits for the backoff or for slots, before it runs again. (A region restart of a
 * BATCH job keeps the job RUNNING.) Terminal states are FINISHED, FAILED and CANCELED;
 * {@link #transitionTo} rejects anything else.
 */
public enum JobStatus {
    CREATED,
    RUNNING,
    FAILING,
    FAILED,
    CANCELLING,
    CANCELED,
    FINISHED,
    RESTARTING;

    private Set<JobStatus> allowedNext() {
        return switch (this) {
            case CREATED -> EnumSet.of(RUNNING, FAILED, CANCELED);
            case RUNNING -> EnumSet.of(FINISHED, FAILING, CANCELLING, RESTARTING);
            case RESTARTING -> EnumSet.of(RUNNING, CANCELLING, CANCELED, FAILING, FAILED);
            case FAILING -> EnumSet.of(FAILED);
            case CANCELLING -> EnumSet.of(CANCELED, FAILED);
            case FAILED, CANCELED, FINISHED -> EnumSet.noneOf(JobStatus.class);
        };
    }

    public boolean isTerminal() {
        return allowedNext().isEmpty();
    }

    /** Returns {@code next} if the transition is allowed, else throws naming both states. */
    public JobStatus transitionTo(JobStatus next) {
        if (!allowedNext().contains(next)) {
            throw new IllegalStateException("Illegal job status transition " + this + " -> " + next);
        }
        return next;
    }
}
