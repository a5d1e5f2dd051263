package org.millrace.runtime.executiongraph.failover;

import java.util.Set;

/**
 * Decides which subtasks must run again after one subtask failed (whether the job restarts at all
 * is the {@link RestartBackoffTimeStrategy}'s decision). Implementations are pure functions of the
 * job's topology plus what the caller reports, so they are easy to test and thread-safe unless an
 * injected {@link ResultPartitionAvailabilityChecker} is not.
 */
public interface FailoverStrategy {

    /**
     * The subtasks to restart, including {@code failed}; the result may include subtasks that have
     * not started yet (restarting those is a no-op for the scheduler).
     *
     * @param cause the failure, inspected for a {@link ConsumedPartitionLostException}
     */
    Set<SubtaskId> getTasksNeedingRestart(SubtaskId failed, Throwable cause);

    /** Builds the strategy {@code jobmanager.execution.failover-strategy} names. */
    static FailoverStrategy create(FailoverStrategyType type, FailoverTopology topology,
            ResultPartitionAvailabilityChecker availability) {
        return switch (type) {
            case FULL -> new RestartAllFailoverStrategy(topology);
            case REGION -> new RestartPipelinedRegionFailoverStrategy(PipelinedRegions.compute(topology), availability);
        };
    }
}
