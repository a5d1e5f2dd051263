package org.millrace.runtime.taskexecutor;

import java.util.Map;
import org.millrace.runtime.checkpoint.SubtaskState;

/**
 * Where a TaskExecutor sends its tasks' state changes and checkpoint acknowledgements: straight to
 * the JobMaster in the embedded cluster, over the control RPC in a distributed one. Called from
 * task (and snapshot-writing) threads; must not block.
 */
public interface TaskStateListener {

    void taskStateChanged(TaskExecutionState state);

    /** The attempt wrote its state for checkpoint {@code checkpointId}: by operator id. */
    void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId, Map<String, SubtaskState> states);

    /** The attempt could not take its part of checkpoint {@code checkpointId}. */
    void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, String reason);
}
