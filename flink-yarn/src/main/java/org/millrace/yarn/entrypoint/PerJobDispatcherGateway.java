package org.millrace.yarn.entrypoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.millrace.api.common.JobID;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.dispatcher.ForwardingDispatcherGateway;
import org.millrace.runtime.dispatcher.JobResult;
import org.millrace.runtime.jobgraph.JobGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Dispatcher as the REST API of a per-job ApplicationMaster sees it. When a later
 * ApplicationMaster attempt may need the job, the submitted job is stored in the staging directory
 * ({@link StagedJob}) before the Dispatcher gets it; a failure to store it fails the submission. When
 * the cluster is attached, it notices a client fetching the result of an ended job, which is when
 * the cluster may go.
 */
final class PerJobDispatcherGateway extends ForwardingDispatcherGateway {

    private static final Logger LOG = LoggerFactory.getLogger(PerJobDispatcherGateway.class);

    private final StagedJob stagedJob;
    private final Consumer<JobResult> onResultFetched;

    /**
     * @param stagedJob where to store the submitted job; null: not stored (one attempt only)
     * @param onResultFetched called with the result a client fetched (does nothing for a detached cluster)
     */
    PerJobDispatcherGateway(DispatcherGateway dispatcher, StagedJob stagedJob,
                            Consumer<JobResult> onResultFetched) {
        super(dispatcher);
        this.stagedJob = stagedJob;
        this.onResultFetched = onResultFetched;
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        CompletableFuture<JobResult> result = super.requestJobResult(jobId);
        // Only ended jobs' results are requested by the REST handler; the answer is sent before the
        // listener's shutdown (which unregisters from YARN first) closes the REST server.
        return result.thenApply(r -> {
            onResultFetched.accept(r);
            return r;
        });
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph, List<Path> userJars) {
        if (stagedJob != null) {
            try {
                stagedJob.store(jobGraph, userJars);
                LOG.info("Stored job '{}' ({}) in the staging directory for later ApplicationMaster attempts",
                        jobGraph.getName(), jobGraph.getJobID());
            } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(new IOException("Could not store job " + jobGraph.getJobID()
                        + " for later ApplicationMaster attempts: " + e.getMessage(), e));
            }
        }
        return super.submitJob(jobGraph, userJars);
    }
}
