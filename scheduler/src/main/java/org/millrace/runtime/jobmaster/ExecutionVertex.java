package org.millrace.runtime.jobmaster;

import java.util.Map;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.executiongraph.failover.SubtaskId;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.resourcemanager.SlotAssignment;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;

/**
 * One parallel subtask of a job vertex and its current execution attempt: where it runs, its
 * state, and what its finished attempt reported. A restart gives it a new attempt. Guarded by the
 * {@link JobMaster}'s lock.
 */
final class ExecutionVertex {

    final JobVertex vertex;
    final int index;
    /** As Flink names subtasks in logs and the REST API: {@code Map (2/4)}. */
    final String name;
    ExecutionAttemptID attemptId;
    SlotAssignment slot;
    ExecutionState state = ExecutionState.CREATED;
    boolean deployed;
    /** Cancelled (or to be reset) for a restart: its end is not a failure of its own. */
    boolean restartPending;
    long startTime = -1;
    long endTime = -1;
    TaskIOMetrics.Snapshot finalMetrics;
    Map<String, Accumulator<?, ?>> accumulators = Map.of();

    ExecutionVertex(org.millrace.api.common.JobID jobId, JobVertex vertex, int index) {
        this.vertex = vertex;
        this.index = index;
        this.name = vertex.getName() + " (" + (index + 1) + "/" + vertex.getParallelism() + ")";
        this.attemptId = new ExecutionAttemptID(jobId, vertex.getId(), index, 0);
    }

    int attemptNumber() {
        return attemptId.attemptNumber();
    }

    SubtaskId id() {
        return new SubtaskId(vertex.getId(), index);
    }

    /** Forgets the ended attempt: the next deployment is attempt n+1, in a slot chosen then. */
    void resetForNewAttempt() {
        attemptId = new ExecutionAttemptID(attemptId.jobId(), vertex.getId(), index, attemptId.attemptNumber() + 1);
        state = ExecutionState.CREATED;
        deployed = false;
        restartPending = false;
        slot = null;
        startTime = -1;
        endTime = -1;
        finalMetrics = null;
        accumulators = Map.of();
    }

    /** Moves to a terminal state through the intermediate ones a report may have skipped (a remote task's updates can be coalesced). */
    void advanceTo(ExecutionState terminal) {
        if (terminal == ExecutionState.FINISHED) {
            while (state != ExecutionState.RUNNING) {
                state = state.transitionTo(state == ExecutionState.CREATED ? ExecutionState.DEPLOYING : ExecutionState.RUNNING);
            }
        }
        state = state.transitionTo(terminal);
    }
}
