package org.millrace.runtime.checkpoint;

import java.util.List;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * What one parallel subtask of an operator wrote in a checkpoint.
 *
 * @param keyGroups the key groups its keyed state covers, or null if it has no keyed state
 */
public record SubtaskState(int subtaskIndex, KeyGroupRange keyGroups, List<FileStateHandle> keyedState,
                           List<FileStateHandle> operatorState) implements java.io.Serializable {

    public SubtaskState {
        keyedState = List.copyOf(keyedState);
        operatorState = List.copyOf(operatorState);
    }

    /** Every file this subtask's state is in. */
    public List<FileStateHandle> files() {
        return java.util.stream.Stream.concat(keyedState.stream(), operatorState.stream()).toList();
    }
}
