package org.millrace.runtime.checkpoint;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.runtime.state.filesystem.CheckpointStorageLocation;
import org.millrace.runtime.state.filesystem.FileStateHandle;
import org.millrace.runtime.state.filesystem.FsTaskCheckpointStorage;
import org.millrace.runtime.state.filesystem.StateFileReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the checkpoint to restore from: the newest {@code chk-<n>} directory of a job whose
 * {@code _metadata} is complete and whose every state file is present, of the right length and
 * matches its checksum (shared files of incremental checkpoints included). A damaged checkpoint is skipped with a warning saying why, and the next
 * older one is tried; checkpoints whose metadata was never written (the job died while taking
 * them) are skipped the same way.
 */
public final class CheckpointRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointRecovery.class);
    private static final String CHECKPOINT_DIR_PREFIX = "chk-";

    private CheckpointRecovery() {}

    /** The newest usable checkpoint below {@code jobDirectory}, or empty if there is none. */
    public static Optional<CompletedCheckpoint> latestUsable(FileSystem fs, Path jobDirectory) throws IOException {
        return firstUsable(fs, checkpointDirectoriesNewestFirst(fs, jobDirectory));
    }

    /** The first of {@code directoriesNewestFirst} that holds a usable checkpoint, or empty if none does. */
    public static Optional<CompletedCheckpoint> firstUsable(FileSystem fs, List<Path> directoriesNewestFirst) {
        for (Path directory : directoriesNewestFirst) {
            try {
                CompletedCheckpoint checkpoint = load(fs, directory);
                LOG.info("Restoring from checkpoint {} at {}", checkpoint.checkpointId(), directory);
                return Optional.of(checkpoint);
            } catch (IOException e) {
                LOG.warn("Checkpoint at {} is unusable ({}); trying an earlier one", directory, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The highest id of any {@code chk-<n>} directory below {@code jobDirectory}, complete or not, or
     * 0 if there is none: a restarted coordinator continues after it, so no directory is reused.
     */
    public static long highestCheckpointId(FileSystem fs, Path jobDirectory) throws IOException {
        List<Path> directories = checkpointDirectoriesNewestFirst(fs, jobDirectory);
        return directories.isEmpty() ? 0 : checkpointId(directories.get(0).getName());
    }

    /**
     * Reads and checks one checkpoint or savepoint directory.
     *
     * @throws IOException saying what is wrong (missing metadata, a corrupt or truncated file, ...)
     */
    public static CompletedCheckpoint load(FileSystem fs, Path directory) throws IOException {
        CheckpointMetadata metadata;
        try (InputStream in = StateFileReader.openSelfDescribed(fs,
                new Path(directory, CheckpointStorageLocation.METADATA_FILE))) {
            metadata = MetadataSerializer.read(in);
        }
        for (FileStateHandle file : metadata.files()) {
            StateFileReader.verify(fs, directory, file);
        }
        Path shared = FsTaskCheckpointStorage.sharedDirectoryOf(directory);
        for (FileStateHandle file : metadata.sharedFiles()) {
            StateFileReader.verify(fs, shared, file);
        }
        return new CompletedCheckpoint(directory.toString(), metadata);
    }

    private static List<Path> checkpointDirectoriesNewestFirst(FileSystem fs, Path jobDirectory) throws IOException {
        FileStatus[] entries;
        try {
            entries = fs.listStatus(jobDirectory);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        List<Path> directories = new ArrayList<>();
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (entry.isDirectory() && name.startsWith(CHECKPOINT_DIR_PREFIX) && checkpointId(name) >= 0) {
                directories.add(entry.getPath());
            }
        }
        directories.sort(Comparator.comparingLong((Path p) -> checkpointId(p.getName())).reversed());
        return directories;
    }

    private static long checkpointId(String directoryName) {
        try {
            return Long.parseLong(directoryName.substring(CHECKPOINT_DIR_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
