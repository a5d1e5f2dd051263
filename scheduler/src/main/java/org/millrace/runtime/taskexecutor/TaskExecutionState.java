package org.millrace.runtime.taskexecutor;

import java.util.Map;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.metrics.TaskIOMetrics;

/**
 * A task's report to its JobMaster that it entered a new state.
 *
 * @param error why it failed (FAILED only), else null
 * @param accumulators the task's accumulators (FINISHED only), else empty
 * @param ioMetrics its busy / idle / back-pressured times at the time of the report, or null
 */
public record TaskExecutionState(
        ExecutionAttemptID attemptId,
        ExecutionState state,
        Throwable error,
        Map<String, Accumulator<?, ?>> accumulators,
        TaskIOMetrics.Snapshot ioMetrics) {

    public static TaskExecutionState of(ExecutionAttemptID attemptId, ExecutionState state) {
        return new TaskExecutionState(attemptId, state, null, Map.of(), null);
    }
}
