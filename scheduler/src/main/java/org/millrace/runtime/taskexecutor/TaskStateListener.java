package org.millrace.runtime.taskexecutor;

/**
 * Where a TaskExecutor sends its tasks' state changes: straight to the JobMaster in the embedded
 * cluster, over the control RPC in a distributed one. Called from task threads; must not block.
 */
@FunctionalInterface
public interface TaskStateListener {
    void taskStateChanged(TaskExecutionState state);
}
