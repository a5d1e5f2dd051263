package org.millrace.runtime.state;

import java.io.IOException;

/**
 * Where one operator instance's keyed snapshot goes: files private to the checkpoint (in its
 * directory) and files shared between checkpoints of the job (incremental checkpoints' immutable
 * files, in the job's shared directory, deleted by the JobMaster once no retained checkpoint uses them).
 */
public interface KeyedSnapshotTarget {

    /** A new file in the checkpoint's (or savepoint's) directory, named {@code <prefix><suffix>}. */
    CheckpointStateOutputStream createPrivateFile(String suffix) throws IOException;

    /** A new file in the job's shared directory; {@code name} must be unique in the job. */
    CheckpointStateOutputStream createSharedFile(String name) throws IOException;
}
