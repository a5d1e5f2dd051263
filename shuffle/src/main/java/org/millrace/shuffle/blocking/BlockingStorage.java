package org.millrace.shuffle.blocking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import org.millrace.api.common.JobID;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * Where blocking partitions live and how long: a {@link SpillStorage} and a root directory, laid out
 *
 * <pre>
 *  &lt;root&gt;/&lt;job id&gt;/&lt;partition id&gt;/0.data ... (n-1).data, _index
 * </pre>
 *
 * so any process that knows the root, the job and the partition id finds a partition.
 *
 * <ul>
 *   <li><b>private</b> ({@link #privateDirectory}): a fresh directory on local disk owned by one
 *       TaskExecutor; {@link #close()} deletes it with everything left in it.</li>
 *   <li><b>shared</b> ({@link #shared}): e.g. {@code hdfs://namenode/millrace/spill}, seen by every
 *       TaskExecutor and the JobManager. Finished partitions outlive the TaskExecutor that wrote them;
 *       {@link #releaseJob} (the JobManager, when the job reaches a terminal state) removes a job's
 *       files. {@link #close()} only closes the file system client.</li>
 * </ul>
 *
 * <p>Pitfall: a shared root must not be shared by two clusters that could run the same job id.
 * Thread-safe.
 */
public final class BlockingStorage implements AutoCloseable {

    private final SpillStorage files;
    private final String root;
    private final boolean shared;

    private BlockingStorage(SpillStorage files, String root, boolean shared) {
        this.files = Objects.requireNonNull(files, "files");
        this.root = stripTrailingSlashes(Objects.requireNonNull(root, "root"));
        this.shared = shared;
    }

    /** A private directory {@code <parent>/millrace-shuffle-<random>} on local disk, created on first use. */
    public static BlockingStorage privateDirectory(Path parent) {
        return new BlockingStorage(LocalSpillStorage.INSTANCE,
                parent.resolve("millrace-shuffle-" + UUID.randomUUID()).toString(), false);
    }

    /** A root that other processes see too; this storage takes ownership of {@code files} (closes it). */
    public static BlockingStorage shared(SpillStorage files, String root) {
        return new BlockingStorage(files, root, true);
    }

    public SpillStorage files() {
        return files;
    }

    /** The root directory (or URI) all jobs' directories are in. */
    public String root() {
        return root;
    }

    /** Whether other processes read this storage, so finished partitions outlive their TaskExecutor. */
    public boolean isShared() {
        return shared;
    }

    public String jobDirectory(JobID jobId) {
        return root + "/" + jobId;
    }

    /** Where the blocking partition {@code partitionId} of job {@code jobId} is, written by any TaskExecutor. */
    public String partitionDirectory(JobID jobId, ResultPartitionID partitionId) {
        return PartitionLayout.partitionDirectory(jobDirectory(jobId), partitionId);
    }

    /**
     * Deletes the job's directory with every partition in it, finished or not. Call it when the job
     * reached a terminal state (finished, failed, cancelled) and nothing reads its exchanges any more.
     *
     * @throws IOException if the storage cannot delete it, naming the directory
     */
    public void releaseJob(JobID jobId) throws IOException {
        String directory = jobDirectory(jobId);
        try {
            files.delete(directory);
        } catch (IOException e) {
            throw new IOException("Cannot delete the blocking partitions of job " + jobId + " in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Private storage: deletes the root with everything in it. Then closes the file system client. */
    @Override
    public void close() throws IOException {
        try {
            if (!shared) {
                files.delete(root);
            }
        } finally {
            files.close();
        }
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    @Override
    public String toString() {
        return (shared ? "shared" : "private") + " blocking storage " + root;
    }
}
