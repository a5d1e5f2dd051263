package org.millrace.client.remote;

import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.client.program.rest.RestClusterClient;
import org.millrace.core.execution.JobClient;
import org.millrace.runtime.execution.JobStatus;

/**
 * A handle on a job running on a remote cluster. Attached, its result future follows the job
 * (polling starts at the first {@link #getJobExecutionResult()} call, so a program that never asks
 * causes no traffic); detached, the result is a {@link DetachedJobExecutionResult} at once.
 */
public final class RemoteJobClient implements JobClient {

    private final RestClusterClient client;
    private final JobID jobId;
    private final ClassLoader userClassLoader;
    private final boolean attached;
    private final ResultFollower follower;
    private CompletableFuture<JobExecutionResult> result;

    /** How an attached client waits for the result: by default, polling the cluster it submitted to. */
    @FunctionalInterface
    public interface ResultFollower {
        CompletableFuture<JobExecutionResult> follow(RestClusterClient client, JobID jobId, ClassLoader userClassLoader);
    }

    public RemoteJobClient(RestClusterClient client, JobID jobId, ClassLoader userClassLoader, boolean attached) {
        this(client, jobId, userClassLoader, attached, RestClusterClient::requestJobResult);
    }

    /** @param follower waits for the result, e.g. following the leader of an HA cluster */
    public RemoteJobClient(RestClusterClient client, JobID jobId, ClassLoader userClassLoader, boolean attached,
                           ResultFollower follower) {
        this.client = client;
        this.jobId = jobId;
        this.userClassLoader = userClassLoader;
        this.attached = attached;
        this.follower = follower;
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public synchronized CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        if (result == null) {
            result = attached ? follower.follow(client, jobId, userClassLoader)
                    : CompletableFuture.completedFuture(new DetachedJobExecutionResult(jobId));
        }
        return result;
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return client.cancel(jobId);
    }

    /** The job's current status on the cluster. */
    public CompletableFuture<JobStatus> getJobStatus() {
        return client.getJobStatus(jobId);
    }

    @Override
    public String toString() {
        return "RemoteJobClient{" + jobId + " at " + client.getWebInterfaceURL() + (attached ? "" : ", detached") + "}";
    }
}
