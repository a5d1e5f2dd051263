package org.millrace.runtime.state.filesystem;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.runtime.checkpoint.CheckpointMetadata;
import org.millrace.runtime.checkpoint.CompletedCheckpoint;
import org.millrace.runtime.checkpoint.MetadataSerializer;

/**
 * The directory of one checkpoint (or savepoint) being written: tasks create their state files
 * here, and the coordinator completes the checkpoint by writing {@code _metadata} last — first as
 * {@code _metadata.inprogress}, then renamed, so a crash in between leaves no file that looks
 * complete.
 */
public final class CheckpointStorageLocation {

    public static final String METADATA_FILE = "_metadata";
    static final String IN_PROGRESS_SUFFIX = ".inprogress";

    private final FileSystem fs;
    private final Path directory;

    CheckpointStorageLocation(FileSystem fs, Path directory) {
        this.fs = fs;
        this.directory = directory;
    }

    public Path getDirectory() {
        return directory;
    }

    /** A new state file named {@code name} (unique within the checkpoint, e.g. {@code <operator>-<subtask>.keyed}). */
    public ChecksummedStateOutputStream createStateFile(String name) throws IOException {
        Path file = new Path(directory, name);
        return new ChecksummedStateOutputStream(fs.create(file, false), name, file.toString());
    }

    /**
     * Writes the metadata durably; from then on the checkpoint is complete.
     *
     * @throws IOException if the metadata cannot be written or renamed into place
     */
    public CompletedCheckpoint complete(CheckpointMetadata metadata) throws IOException {
        Path inProgress = new Path(directory, METADATA_FILE + IN_PROGRESS_SUFFIX);
        Path metadataFile = new Path(directory, METADATA_FILE);
        ChecksummedStateOutputStream out = new ChecksummedStateOutputStream(fs.create(inProgress, true),
                inProgress.getName(), inProgress.toString());
        try {
            MetadataSerializer.write(metadata, out);
            out.closeAndGetHandle();
        } finally {
            out.close();
        }
        if (!fs.rename(inProgress, metadataFile)) {
            throw new IOException("Could not rename " + inProgress + " to " + metadataFile);
        }
        return new CompletedCheckpoint(directory.toString(), metadata);
    }
}
