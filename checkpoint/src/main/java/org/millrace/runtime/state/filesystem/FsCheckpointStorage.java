package org.millrace.runtime.state.filesystem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.shuffle.hadoop.HadoopConfigurations;
import org.millrace.shuffle.hadoop.HadoopFileSystems;

/**
 * A job's checkpoints on a Hadoop file system ({@code state.checkpoints.dir} = {@code file:///...}
 * or {@code hdfs://...}): {@code <dir>/<job id>/chk-<n>/} per checkpoint, holding the tasks' state
 * files and, once complete, {@code _metadata}; {@code <dir>/<job id>/shared/} holds the files
 * incremental checkpoints share. The same code serves the local disk and HDFS.
 */
public final class FsCheckpointStorage implements AutoCloseable {

    static final String CHECKPOINT_DIR_PREFIX = "chk-";

    private final FileSystem fs;
    private final Path jobDirectory;

    public FsCheckpointStorage(FileSystem fs, Path checkpointsRoot, JobID jobId) {
        this.fs = fs;
        this.jobDirectory = new Path(checkpointsRoot, jobId.toString());
    }

    /**
     * Opens the storage {@code state.checkpoints.dir} names, with Hadoop's configuration from
     * {@code HADOOP_CONF_DIR} and {@code flink.hadoop.*} keys.
     *
     * @throws IllegalConfigurationException if the key is missing or not a file system URI
     * @throws IOException if the file system cannot be reached
     */
    public static FsCheckpointStorage create(Configuration conf, JobID jobId) throws IOException {
        String value = conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        if (value == null || value.isBlank()) {
            throw new IllegalConfigurationException("Checkpoints need a directory: set '"
                    + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key() + "' (e.g. hdfs:///millrace/checkpoints)");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalConfigurationException("Invalid value for '" + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()
                    + "': '" + value + "' is not a file system URI (" + e.getMessage() + ")", e);
        }
        if (uri.getScheme() == null) {
            throw new IllegalConfigurationException("Invalid value for '" + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()
                    + "': '" + value + "' has no scheme; use file:///path or hdfs://namenode/path");
        }
        FileSystem fs = HadoopFileSystems.newInstance(uri, HadoopConfigurations.load(conf));
        return new FsCheckpointStorage(fs, new Path(uri), jobId);
    }

    public FileSystem getFileSystem() {
        return fs;
    }

    public Path getJobDirectory() {
        return jobDirectory;
    }

    /** Creates the directory of checkpoint {@code checkpointId}; fails if it exists (ids are never reused). */
    public CheckpointStorageLocation initializeCheckpoint(long checkpointId) throws IOException {
        Path directory = new Path(jobDirectory, CHECKPOINT_DIR_PREFIX + checkpointId);
        if (fs.exists(directory)) {
            throw new IOException("Checkpoint directory " + directory + " already exists");
        }
        if (!fs.mkdirs(directory)) {
            throw new IOException("Could not create checkpoint directory " + directory);
        }
        return new CheckpointStorageLocation(fs, directory);
    }

    /**
     * Creates a new savepoint directory {@code savepoint-<first 6 digits of the job id>-<random>}
     * below {@code targetDirectory} (a file system URI; a path without scheme is on this storage's
     * file system).
     */
    public CheckpointStorageLocation initializeSavepoint(String targetDirectory) throws IOException {
        Path target = new Path(targetDirectory);
        FileSystem targetFs = target.toUri().getScheme() == null ? fs : target.getFileSystem(fs.getConf());
        String name = "savepoint-" + jobDirectory.getName().substring(0, 6) + "-"
                + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path directory = targetFs.makeQualified(new Path(target, name));
        if (!targetFs.mkdirs(directory)) {
            throw new IOException("Could not create savepoint directory " + directory);
        }
        return new CheckpointStorageLocation(targetFs, directory);
    }

    /**
     * The directory of a checkpoint the coordinator started, for a task to write its state files
     * into (tasks never create or complete checkpoints themselves).
     */
    public CheckpointStorageLocation locationOf(long checkpointId) {
        return new CheckpointStorageLocation(fs, new Path(jobDirectory, CHECKPOINT_DIR_PREFIX + checkpointId));
    }

    /** Deletes a checkpoint's directory (subsumed, failed or aborted checkpoints). */
    public void discard(String checkpointDirectory) throws IOException {
        Path directory = new Path(checkpointDirectory);
        FileSystem owner = directory.toUri().getScheme() == null ? fs : directory.getFileSystem(fs.getConf());
        owner.delete(directory, true);
    }

    /** Deletes a file of the job's shared directory (an incremental checkpoint's file no checkpoint uses). */
    public void discardSharedFile(String relativePath) throws IOException {
        fs.delete(new Path(new Path(jobDirectory, IncrementalKeyedStateHandle.SHARED_DIRECTORY), relativePath), false);
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
