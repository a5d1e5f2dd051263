package org.millrace.yarn.entrypoint;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.millrace.api.common.JobID;
import org.millrace.runtime.dispatcher.ClusterOverview;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.JobResult;
import org.millrace.runtime.dispatcher.TaskManagerInfo;
import org.millrace.runtime.jobgraph.JobGraph;

/**
 * The Dispatcher as the REST API of a per-job ApplicationMaster sees it: it notices when a client
 * has fetched the result of an ended job, which is when an attached per-job cluster may go.
 */
final class ResultFetchingGateway implements DispatcherGateway {

    private final DispatcherGateway dispatcher;
    private final Consumer<JobResult> onResultFetched;

    ResultFetchingGateway(DispatcherGateway dispatcher, Consumer<JobResult> onResultFetched) {
        this.dispatcher = dispatcher;
        this.onResultFetched = onResultFetched;
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        CompletableFuture<JobResult> result = dispatcher.requestJobResult(jobId);
        // Only ended jobs' results are requested by the REST handler; the answer is sent before the
        // listener's shutdown (which unregisters from YARN first) closes the REST server.
        return result.thenApply(r -> {
            onResultFetched.accept(r);
            return r;
        });
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph, List<Path> userJars) {
        return dispatcher.submitJob(jobGraph, userJars);
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        return dispatcher.cancelJob(jobId);
    }

    @Override
    public CompletableFuture<ClusterOverview> requestClusterOverview() {
        return dispatcher.requestClusterOverview();
    }

    @Override
    public CompletableFuture<List<JobInfo>> requestJobs() {
        return dispatcher.requestJobs();
    }

    @Override
    public CompletableFuture<JobInfo> requestJob(JobID jobId) {
        return dispatcher.requestJob(jobId);
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagers() {
        return dispatcher.requestTaskManagers();
    }
}
