package org.millrace.runtime.checkpoint;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a job records which of its checkpoints are complete, so that the JobManager that runs the job
 * next restores exactly one of those. Without high availability the checkpoint directories themselves
 * are the record ({@link #DIRECTORY_SCAN}); with it, small ZooKeeper nodes point at them.
 */
public interface CompletedCheckpointPointers {

    /** Records a completed checkpoint; called before its tasks are told it completed. */
    void add(CompletedCheckpoint checkpoint) throws Exception;

    /** Forgets a subsumed checkpoint; called before its files are deleted. */
    void remove(long checkpointId) throws Exception;

    /**
     * The newest recorded checkpoint whose files are intact (a damaged one is skipped for the one
     * before it), or empty.
     *
     * @param jobDirectory the job's directory below {@code state.checkpoints.dir}
     */
    Optional<CompletedCheckpoint> latestUsable(FileSystem fs, Path jobDirectory) throws IOException;

    /** No record but the checkpoint directories: recovery lists {@code chk-<n>} below the job's directory. */
    CompletedCheckpointPointers DIRECTORY_SCAN = new CompletedCheckpointPointers() {
        @Override
        public void add(CompletedCheckpoint checkpoint) {
        }

        @Override
        public void remove(long checkpointId) {
        }

        @Override
        public Optional<CompletedCheckpoint> latestUsable(FileSystem fs, Path jobDirectory) throws IOException {
            return CheckpointRecovery.latestUsable(fs, jobDirectory);
        }
    };
}
