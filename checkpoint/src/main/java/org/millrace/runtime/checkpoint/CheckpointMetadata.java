package org.millrace.runtime.checkpoint;

import java.util.List;
import org.millrace.api.common.JobID;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * What a checkpoint's (or savepoint's) {@code _metadata} file says: which job and checkpoint it
 * is, when it was triggered, and every operator's state by file. A checkpoint exists only once this
 * has been written completely; see {@link MetadataSerializer} for the on-disk format.
 */
public record CheckpointMetadata(JobID jobId, long checkpointId, long timestamp, boolean savepoint,
                                 List<OperatorState> operators) {

    public CheckpointMetadata {
        operators = List.copyOf(operators);
    }

    /** Every state file in the checkpoint's own directory (besides the metadata file itself). */
    public List<FileStateHandle> files() {
        return operators.stream().flatMap(o -> o.subtasks().stream()).flatMap(s -> s.files().stream()).toList();
    }

    /** Every file of the job's shared directory the checkpoint uses (incremental keyed state); no duplicates. */
    public List<FileStateHandle> sharedFiles() {
        return operators.stream().flatMap(o -> o.subtasks().stream()).flatMap(s -> s.sharedFiles().stream())
                .distinct().toList();
    }
}
