package org.millrace.runtime.checkpoint;

import java.util.List;
import java.util.stream.Stream;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * What one parallel subtask of an operator wrote in a checkpoint.
 *
 * @param keyGroups the key groups its keyed state covers, or null if it has no keyed state
 * @param keyedState keyed state in the canonical format (all of it, or the heap-resident timers
 *     next to an incremental snapshot)
 * @param incrementalKeyedState an incremental RocksDB snapshot of its keyed state, or null
 */
public record SubtaskState(int subtaskIndex, KeyGroupRange keyGroups, List<FileStateHandle> keyedState,
                           List<FileStateHandle> operatorState, IncrementalKeyedStateHandle incrementalKeyedState)
        implements java.io.Serializable {

    public SubtaskState {
        keyedState = List.copyOf(keyedState);
        operatorState = List.copyOf(operatorState);
    }

    /** A subtask state without an incremental snapshot. */
    public SubtaskState(int subtaskIndex, KeyGroupRange keyGroups, List<FileStateHandle> keyedState,
                        List<FileStateHandle> operatorState) {
        this(subtaskIndex, keyGroups, keyedState, operatorState, null);
    }

    /** Every file of this subtask's state in the checkpoint's own directory. */
    public List<FileStateHandle> files() {
        Stream<FileStateHandle> own = Stream.concat(keyedState.stream(), operatorState.stream());
        return incrementalKeyedState == null ? own.toList()
                : Stream.concat(own, incrementalKeyedState.privateFiles().stream()).toList();
    }

    /** The files of this subtask's state in the job's shared directory (incremental snapshots only). */
    public List<FileStateHandle> sharedFiles() {
        return incrementalKeyedState == null ? List.of() : incrementalKeyedState.sharedFiles();
    }
}
