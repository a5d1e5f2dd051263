package org.millrace.runtime.state;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * An incremental snapshot of one operator instance's keyed state (RocksDB's): the files that
 * belong to this checkpoint only (in its directory) and immutable files shared with other
 * checkpoints of the job (in {@code <job directory>/shared/}), each with its length and CRC32C.
 * A file's name in the backend's working directory is the part of its path after the last
 * {@code '/'} and, for shared files, after the first {@code '-'} (shared names are
 * {@code <unique prefix>-<local name>}).
 *
 * @param keyGroups the key groups the snapshot covers
 * @param privateFiles paths relative to the checkpoint directory
 * @param sharedFiles paths relative to the job's shared directory
 */
public record IncrementalKeyedStateHandle(KeyGroupRange keyGroups, List<FileStateHandle> privateFiles,
                                          List<FileStateHandle> sharedFiles) implements Serializable {

    /** The directory, next to the checkpoint directories of a job, that holds shared files. */
    public static final String SHARED_DIRECTORY = "shared";

    public IncrementalKeyedStateHandle {
        privateFiles = List.copyOf(privateFiles);
        sharedFiles = List.copyOf(sharedFiles);
    }

    /** The name a private or shared file has in the backend's working directory. */
    public static String localName(FileStateHandle file, boolean shared) {
        String path = file.relativePath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return shared ? name.substring(name.indexOf('-') + 1) : name;
    }

    public Stream<FileStateHandle> allFiles() {
        return Stream.concat(privateFiles.stream(), sharedFiles.stream());
    }
}
