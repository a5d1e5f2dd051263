package org.millrace.runtime.state;

import java.io.IOException;
import java.io.InputStream;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * Where a task writes its state files for a checkpoint and reads them back on restore. Implemented
 * over Hadoop's FileSystem by the checkpoint module ({@code state.checkpoints.dir}); the task never
 * knows whether that is a local disk or HDFS.
 */
public interface TaskCheckpointStorage {

    /**
     * A new state file in the directory of checkpoint {@code checkpointId} (created by the JobMaster),
     * or in {@code targetLocation} for a savepoint.
     */
    CheckpointStateOutputStream createStateFile(long checkpointId, String targetLocation, String fileName)
            throws IOException;

    /**
     * Opens a state file of the checkpoint the task restores from; its length and checksum are
     * checked, so a damaged file fails with an exception naming it rather than yielding wrong state.
     */
    InputStream openRestoredStateFile(FileStateHandle handle) throws IOException;

    /**
     * A new file in the job's shared directory ({@code <job directory>/shared/}), where incremental
     * checkpoints keep files several checkpoints use; {@code name} must be unique in the job.
     */
    CheckpointStateOutputStream createSharedStateFile(String name) throws IOException;

    /** Opens a shared file of the checkpoint the task restores from, checking its length and checksum. */
    InputStream openRestoredSharedStateFile(FileStateHandle handle) throws IOException;
}
