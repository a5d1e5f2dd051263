package org.millrace.runtime.checkpoint;

import java.util.List;

/**
 * The state of one operator in a checkpoint, identified by its operator id (derived from the
 * {@code uid} a user sets, so state finds its operator again after the job is changed), with the
 * parallelism it was written at and its maximum parallelism (the number of key groups).
 */
public record OperatorState(String operatorId, int parallelism, int maxParallelism, List<SubtaskState> subtasks) {

    public OperatorState {
        subtasks = List.copyOf(subtasks);
    }
}
