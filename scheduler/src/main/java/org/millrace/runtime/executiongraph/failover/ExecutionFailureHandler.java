package org.millrace.runtime.executiongraph.failover;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Combines the two failover decisions into one {@link FailureHandlingResult}: the
 * {@link RestartBackoffTimeStrategy} says whether and when, the {@link FailoverStrategy} says which
 * subtasks. Failures carrying a {@link SuppressRestartsException} are never restarted and do not
 * count against the restart strategy.
 *
 * <p>Used by one job's JobMaster thread; not thread-safe (the restart strategy keeps history).
 * Report each failure once: failures of subtasks that the JobMaster itself cancels for a restart
 * must not be passed here, or they use up restart attempts.
 */
public final class ExecutionFailureHandler {

    private final FailoverTopology topology;
    private final FailoverStrategy failoverStrategy;
    private final RestartBackoffTimeStrategy restartStrategy;
    private int numberOfRestarts;

    public ExecutionFailureHandler(FailoverTopology topology, FailoverStrategy failoverStrategy,
            RestartBackoffTimeStrategy restartStrategy) {
        this.topology = topology;
        this.failoverStrategy = failoverStrategy;
        this.restartStrategy = restartStrategy;
    }

    /** A subtask failed. */
    public FailureHandlingResult getFailureHandlingResult(SubtaskId failed, Throwable cause, long timestamp) {
        topology.indexOf(failed); // rejects subtasks of another job before any state changes
        return handle(failed, cause, timestamp);
    }

    /** Something outside a single subtask failed (e.g. a coordinator): every subtask restarts if allowed. */
    public FailureHandlingResult getGlobalFailureHandlingResult(Throwable cause, long timestamp) {
        return handle(null, cause, timestamp);
    }

    private FailureHandlingResult handle(SubtaskId failed, Throwable cause, long timestamp) {
        if (isRestartSuppressed(cause)) {
            return FailureHandlingResult.unrecoverable(failed, cause, timestamp, "Restarts are suppressed");
        }
        restartStrategy.notifyFailure(cause);
        if (!restartStrategy.canRestart()) {
            return FailureHandlingResult.unrecoverable(failed, cause, timestamp, "Recovery is suppressed by " + restartStrategy);
        }
        Set<SubtaskId> toRestart = failed == null
                ? topology.allSubtasks()
                : failoverStrategy.getTasksNeedingRestart(failed, cause);
        numberOfRestarts++;
        return FailureHandlingResult.restartable(failed, cause, timestamp, toRestart, restartStrategy.getBackoffTime());
    }

    /** How many restarts this handler has granted (Flink's {@code numRestarts}). */
    public int getNumberOfRestarts() {
        return numberOfRestarts;
    }

    /** Whether a {@link SuppressRestartsException} occurs in the cause chain. */
    public static boolean isRestartSuppressed(Throwable cause) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = cause; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SuppressRestartsException) {
                return true;
            }
        }
        return false;
    }
}
