package org.millrace.runtime.dispatcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobID;
import org.millrace.runtime.jobgraph.JobGraph;

/**
 * What a JobManager offers its clients: the REST endpoint turns each HTTP request into one of these
 * calls, so the same endpoint serves a standalone cluster, a YARN application master and the
 * embedded MiniCluster.
 */
public interface DispatcherGateway {

    /** Accepts a job; fails with {@link JobSubmissionException} (duplicate JobID, cluster shutting down, ...). */
    CompletableFuture<Void> submitJob(JobGraph jobGraph, List<Path> userJars);

    /** Cancels a running job; fails with {@link JobNotFoundException} when no such job is known. */
    CompletableFuture<Void> cancelJob(JobID jobId);

    /**
     * Takes a savepoint of a running job below {@code targetDirectory} (null: {@code
     * state.savepoints.dir}), stopping the job with it if the type says so; completes with its path.
     */
    default CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory,
                                                       org.millrace.runtime.checkpoint.SavepointType type) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("Savepoints are not offered here"));
    }

    /** The job's checkpoint counts and latest checkpoint; empty if the job takes no checkpoints. */
    default CompletableFuture<java.util.Optional<org.millrace.runtime.checkpoint.CheckpointStatistics>> requestCheckpointStatistics(
            JobID jobId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("Checkpoint statistics are not offered here"));
    }

    /** Deletes a savepoint (its directory), after checking that it is one. */
    default CompletableFuture<Void> disposeSavepoint(String savepointPath) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("Savepoints are not offered here"));
    }

    CompletableFuture<ClusterOverview> requestClusterOverview();

    /** Running and ended jobs, newest first. */
    CompletableFuture<List<JobInfo>> requestJobs();

    /** Fails with {@link JobNotFoundException}. */
    CompletableFuture<JobInfo> requestJob(JobID jobId);

    /** Completes when the job has ended; fails with {@link JobNotFoundException} when unknown. */
    CompletableFuture<JobResult> requestJobResult(JobID jobId);

    CompletableFuture<List<TaskManagerInfo>> requestTaskManagers();
}
