package org.millrace.runtime.dispatcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobID;
import org.millrace.runtime.checkpoint.CheckpointStatistics;
import org.millrace.runtime.checkpoint.SavepointType;
import org.millrace.runtime.jobgraph.JobGraph;

/**
 * A {@link DispatcherGateway} that passes every call to another one: the base of gateways that
 * change a few calls (a per-job ApplicationMaster storing the submitted job, a JobManager refusing
 * orders while it does not lead) and leave the rest as the Dispatcher answers them.
 */
public abstract class ForwardingDispatcherGateway implements DispatcherGateway {

    private final DispatcherGateway delegate;

    protected ForwardingDispatcherGateway(DispatcherGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph, List<Path> userJars) {
        return delegate.submitJob(jobGraph, userJars);
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        return delegate.cancelJob(jobId);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, SavepointType type) {
        return delegate.triggerSavepoint(jobId, targetDirectory, type);
    }

    @Override
    public CompletableFuture<Optional<CheckpointStatistics>> requestCheckpointStatistics(JobID jobId) {
        return delegate.requestCheckpointStatistics(jobId);
    }

    @Override
    public CompletableFuture<Void> disposeSavepoint(String savepointPath) {
        return delegate.disposeSavepoint(savepointPath);
    }

    @Override
    public CompletableFuture<ClusterOverview> requestClusterOverview() {
        return delegate.requestClusterOverview();
    }

    @Override
    public CompletableFuture<List<JobInfo>> requestJobs() {
        return delegate.requestJobs();
    }

    @Override
    public CompletableFuture<JobInfo> requestJob(JobID jobId) {
        return delegate.requestJob(jobId);
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        return delegate.requestJobResult(jobId);
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagers() {
        return delegate.requestTaskManagers();
    }
}
