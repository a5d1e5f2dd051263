package org.millrace.runtime.checkpoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobID;
import org.millrace.runtime.state.filesystem.CheckpointStorageLocation;

/**
 * A triggered checkpoint waiting for its tasks: which have acknowledged, the state each reported,
 * where the files go, and the future its trigger returned. Guarded by the coordinator's lock.
 */
final class PendingCheckpoint {

    final long checkpointId;
    final long timestamp;
    final CheckpointStorageLocation location;
    /** A savepoint: the user's, not kept for failover. */
    final boolean savepoint;
    final CompletableFuture<CompletedCheckpoint> future = new CompletableFuture<>();
    CheckpointTimer.Scheduled timeout;
    private final Set<TaskId> notYetAcknowledged;
    private final Map<String, List<SubtaskState>> statesByOperator = new LinkedHashMap<>();

    PendingCheckpoint(long checkpointId, long timestamp, CheckpointStorageLocation location, Set<TaskId> tasks,
                      boolean savepoint) {
        this.savepoint = savepoint;
        this.checkpointId = checkpointId;
        this.timestamp = timestamp;
        this.location = location;
        this.notYetAcknowledged = new HashSet<>(tasks);
    }

    /** Records a task's state; false if the task was not expected or already acknowledged. */
    boolean acknowledge(TaskId task, Map<String, SubtaskState> operatorStates) {
        if (!notYetAcknowledged.remove(task)) {
            return false;
        }
        operatorStates.forEach((operator, state) -> statesByOperator.computeIfAbsent(operator, o -> new ArrayList<>()).add(state));
        return true;
    }

    boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty();
    }

    int pendingTasks() {
        return notYetAcknowledged.size();
    }

    CheckpointMetadata toMetadata(JobID jobId, Map<String, OperatorInfo> operators) {
        List<OperatorState> states = new ArrayList<>();
        statesByOperator.forEach((operatorId, subtasks) -> {
            OperatorInfo info = operators.get(operatorId);
            if (info == null) {
                throw new IllegalStateException("State of unknown operator " + operatorId + " in checkpoint " + checkpointId);
            }
            List<SubtaskState> sorted = new ArrayList<>(subtasks);
            sorted.sort(java.util.Comparator.comparingInt(SubtaskState::subtaskIndex));
            states.add(new OperatorState(operatorId, info.parallelism(), info.maxParallelism(), sorted));
        });
        return new CheckpointMetadata(jobId, checkpointId, timestamp, savepoint, states);
    }
}
