package org.millrace.runtime.executiongraph.failover;

/**
 * Decides whether a failed job may restart and how long it waits first: the policy half of
 * failover (which tasks restart is the {@link FailoverStrategy}'s half).
 *
 * <p>Call order for every failure that is allowed to restart at all (see
 * {@link ExecutionFailureHandler}): {@link #notifyFailure} once, then {@link #canRestart}, then, if
 * that said yes, {@link #getBackoffTime}. Instances keep the failure history of one job and are
 * used by that job's JobMaster thread only; they are not thread-safe.
 */
public interface RestartBackoffTimeStrategy {

    /** Records a failure; time-based strategies read their clock here. */
    void notifyFailure(Throwable cause);

    /** Whether the job may restart after the failures notified so far. */
    boolean canRestart();

    /** Milliseconds to wait before restarting, {@code >= 0}; meaningful only when {@link #canRestart()}. */
    long getBackoffTime();

    /**
     * Creates fresh strategies with an empty failure history, one per job run, so that the
     * configuration is read and validated once (at submission) but state is never shared.
     */
    @FunctionalInterface
    interface Factory {
        RestartBackoffTimeStrategy create();
    }
}
