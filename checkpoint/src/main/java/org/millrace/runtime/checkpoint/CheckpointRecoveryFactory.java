package org.millrace.runtime.checkpoint;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.api.common.JobID;

/**
 * Chosen by a cluster's high-availability services: where its jobs' checkpoint ids and completed
 * checkpoints are recorded. {@link #STANDALONE} keeps ids in memory and finds checkpoints by listing
 * directories; the ZooKeeper one keeps both in ZooKeeper so a new leader continues where the old one
 * stopped.
 */
public interface CheckpointRecoveryFactory {

    /**
     * The job's id counter.
     *
     * @param jobDirectory the job's directory below {@code state.checkpoints.dir}
     */
    CheckpointIdCounter createIdCounter(JobID jobId, FileSystem fs, Path jobDirectory) throws Exception;

    /** The job's record of completed checkpoints. */
    CompletedCheckpointPointers createPointers(JobID jobId) throws Exception;

    /** The job reached a terminal state: forgets its ids and checkpoint records (not its files). */
    void cleanUp(JobID jobId) throws Exception;

    /** Without high availability: ids continue after the highest {@code chk-<n>} directory; records are the directories. */
    CheckpointRecoveryFactory STANDALONE = new CheckpointRecoveryFactory() {
        @Override
        public CheckpointIdCounter createIdCounter(JobID jobId, FileSystem fs, Path jobDirectory) throws Exception {
            return new StandaloneCheckpointIdCounter(CheckpointRecovery.highestCheckpointId(fs, jobDirectory) + 1);
        }

        @Override
        public CompletedCheckpointPointers createPointers(JobID jobId) {
            return CompletedCheckpointPointers.DIRECTORY_SCAN;
        }

        @Override
        public void cleanUp(JobID jobId) {
        }
    };
}
