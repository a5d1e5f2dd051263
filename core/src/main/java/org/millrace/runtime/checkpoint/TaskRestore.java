package org.millrace.runtime.checkpoint;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a subtask restores from: the checkpoint's id, and for each operator of its chain that has
 * state in it, the state every old instance wrote and the parallelism it was written at. The task
 * itself picks its share (its key groups; its part of the operator state lists).
 *
 * @param checkpointDirectory the checkpoint's directory (file system URI); state file paths are relative to it
 * @param operators by operator id; operators without state in the checkpoint are absent
 */
public record TaskRestore(long checkpointId, String checkpointDirectory, Map<String, OperatorRestore> operators)
        implements Serializable {

    public TaskRestore {
        operators = Map.copyOf(operators);
    }

    /** One operator's state in the checkpoint: its subtasks' states (finished ones absent) and old parallelism. */
    public record OperatorRestore(int parallelism, List<SubtaskState> subtasks) implements Serializable {
        public OperatorRestore {
            subtasks = List.copyOf(subtasks);
        }
    }
}
