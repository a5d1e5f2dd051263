package org.millrace.runtime.state.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.state.CheckpointStateOutputStream;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.TaskCheckpointStorage;
import org.millrace.shuffle.hadoop.HadoopConfigurations;
import org.millrace.shuffle.hadoop.HadoopFileSystems;

/**
 * A task's view of its job's checkpoints on a Hadoop file system: state files go into
 * {@code <job directory>/chk-<n>/} (which the JobMaster created), or a savepoint's directory (on
 * the same file system or another one reachable with the same settings), restored files are read, with
 * their checksums checked, from the checkpoint the task restores from; incremental checkpoints'
 * shared files go into {@code <job directory>/shared/}. Closing it closes the file system client
 * it opened.
 */
public final class FsTaskCheckpointStorage implements TaskCheckpointStorage, AutoCloseable {

    private final org.apache.hadoop.conf.Configuration hadoopConf;
    /** File system clients by scheme and authority: checkpoints, savepoints and a restored savepoint may differ. */
    private final java.util.Map<String, FileSystem> fileSystems = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path jobDirectory;
    private final Path restoreDirectory;

    /**
     * @param jobDirectory {@code state.checkpoints.dir/<job id>} as a URI
     * @param restoreDirectory the directory of the checkpoint to restore from, or null
     */
    public FsTaskCheckpointStorage(String jobDirectory, String restoreDirectory, Configuration configuration)
            throws IOException {
        this.hadoopConf = HadoopConfigurations.load(configuration);
        fileSystemOf(new Path(jobDirectory));
        this.jobDirectory = new Path(jobDirectory);
        this.restoreDirectory = restoreDirectory == null ? null : new Path(restoreDirectory);
    }

    @Override
    public CheckpointStateOutputStream createStateFile(long checkpointId, String targetLocation, String fileName)
            throws IOException {
        Path directory = targetLocation != null ? new Path(targetLocation)
                : new Path(jobDirectory, FsCheckpointStorage.CHECKPOINT_DIR_PREFIX + checkpointId);
        return new CheckpointStorageLocation(fileSystemOf(directory), directory).createStateFile(fileName);
    }

    @Override
    public InputStream openRestoredStateFile(FileStateHandle handle) throws IOException {
        if (restoreDirectory == null) {
            throw new IllegalStateException("This task restores from no checkpoint");
        }
        return StateFileReader.open(fileSystemOf(restoreDirectory), restoreDirectory, handle);
    }

    @Override
    public CheckpointStateOutputStream createSharedStateFile(String name) throws IOException {
        Path directory = new Path(jobDirectory, IncrementalKeyedStateHandle.SHARED_DIRECTORY);
        return new CheckpointStorageLocation(fileSystemOf(directory), directory).createStateFile(name);
    }

    /** Shared files of the restored checkpoint are in the shared directory next to it. */
    @Override
    public InputStream openRestoredSharedStateFile(FileStateHandle handle) throws IOException {
        if (restoreDirectory == null) {
            throw new IllegalStateException("This task restores from no checkpoint");
        }
        return StateFileReader.open(fileSystemOf(restoreDirectory), sharedDirectoryOf(restoreDirectory), handle);
    }

    /** The shared directory of the job a checkpoint directory belongs to. */
    public static Path sharedDirectoryOf(Path checkpointDirectory) {
        // through a string: a Path made from a directory's URI may keep its trailing '/'
        return new Path(new Path(checkpointDirectory.toString()).getParent(), IncrementalKeyedStateHandle.SHARED_DIRECTORY);
    }

    private FileSystem fileSystemOf(Path path) throws IOException {
        URI uri = path.toUri();
        String key = uri.getScheme() + "://" + uri.getAuthority();
        FileSystem fs = fileSystems.get(key);
        if (fs == null) {
            fs = HadoopFileSystems.newInstance(uri, hadoopConf);
            FileSystem raced = fileSystems.putIfAbsent(key, fs);
            if (raced != null) {
                fs.close();
                fs = raced;
            }
        }
        return fs;
    }

    @Override
    public void close() throws IOException {
        for (FileSystem fs : fileSystems.values()) {
            fs.close();
        }
    }
}
