package org.millrace.runtime.state.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.state.CheckpointStateOutputStream;
import org.millrace.runtime.state.TaskCheckpointStorage;
import org.millrace.shuffle.hadoop.HadoopConfigurations;
import org.millrace.shuffle.hadoop.HadoopFileSystems;

/**
 * A task's view of its job's checkpoints on a Hadoop file system: state files go into
 * {@code <job directory>/chk-<n>/} (which the JobMaster created), restored files are read, with
 * their checksums checked, from the checkpoint the task restores from. Closing it closes the file
 * system client it opened.
 */
public final class FsTaskCheckpointStorage implements TaskCheckpointStorage, AutoCloseable {

    private final FileSystem fs;
    private final Path jobDirectory;
    private final Path restoreDirectory;

    /**
     * @param jobDirectory {@code state.checkpoints.dir/<job id>} as a URI
     * @param restoreDirectory the directory of the checkpoint to restore from, or null
     */
    public FsTaskCheckpointStorage(String jobDirectory, String restoreDirectory, Configuration configuration)
            throws IOException {
        this.fs = HadoopFileSystems.newInstance(URI.create(jobDirectory), HadoopConfigurations.load(configuration));
        this.jobDirectory = new Path(jobDirectory);
        this.restoreDirectory = restoreDirectory == null ? null : new Path(restoreDirectory);
    }

    @Override
    public CheckpointStateOutputStream createStateFile(long checkpointId, String fileName) throws IOException {
        Path directory = new Path(jobDirectory, FsCheckpointStorage.CHECKPOINT_DIR_PREFIX + checkpointId);
        return new CheckpointStorageLocation(fs, directory).createStateFile(fileName);
    }

    @Override
    public InputStream openRestoredStateFile(FileStateHandle handle) throws IOException {
        if (restoreDirectory == null) {
            throw new IllegalStateException("This task restores from no checkpoint");
        }
        return StateFileReader.open(fs, restoreDirectory, handle);
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
