package org.millrace.runtime.highavailability;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.client.program.rest.RestClientException;
import org.millrace.client.program.rest.RestClusterClient;
import org.millrace.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An attached client's wait for its job's result on a ZooKeeper HA cluster, across leader changes:
 * when the JobManager it polls stops answering (killed), answers 503 (no longer the leader) or 404
 * (a new leader that has not recovered the job yet), it asks ZooKeeper for the leader again and
 * polls there. It gives up when no leader has the job for three session timeouts plus 30 s in a row.
 * A job that failed or was cancelled ends the wait at once.
 */
public final class LeaderFollowingJobResults {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderFollowingJobResults.class);
    private static final long RETRY_MILLIS = 500;

    private final Configuration configuration;
    private final Duration patience;

    public LeaderFollowingJobResults(Configuration configuration) {
        this.configuration = configuration;
        this.patience = configuration.get(HighAvailabilityOptions.ZOOKEEPER_SESSION_TIMEOUT).multipliedBy(3)
                .plusSeconds(30);
    }

    /** The job's result, polled at {@code client} first. */
    public CompletableFuture<JobExecutionResult> follow(RestClusterClient client, JobID jobId, ClassLoader userClassLoader) {
        CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        poll(client, jobId, userClassLoader, System.nanoTime() + patience.toNanos(), result);
        return result;
    }

    /**
     * Polls at {@code client} until the job ends; when that JobManager fails us, looks for the leader.
     * A poll that failed only after a while (its JobManager had the job) starts a new spell of patience.
     */
    private void poll(RestClusterClient client, JobID jobId, ClassLoader loader, long deadline,
                      CompletableFuture<JobExecutionResult> result) {
        long started = System.nanoTime();
        client.requestJobResult(jobId, loader).whenComplete((jobResult, failure) -> {
            if (failure == null) {
                result.complete(jobResult);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (!(cause instanceof RestClientException)) {
                result.completeExceptionally(cause); // the job failed or was cancelled
                return;
            }
            long now = System.nanoTime();
            boolean hadTheJob = now - started > TimeUnit.MILLISECONDS.toNanos(4 * RETRY_MILLIS);
            if (hadTheJob) {
                LOG.info("Lost the JobManager at {} while waiting for job {} ({}); asking ZooKeeper for the leader",
                        client.getWebInterfaceURL(), jobId, cause.getMessage());
            }
            findLeader(jobId, loader, hadTheJob ? now + patience.toNanos() : deadline, cause, result);
        });
    }

    private void findLeader(JobID jobId, ClassLoader loader, long deadline, Throwable lastFailure,
                            CompletableFuture<JobExecutionResult> result) {
        CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            if (result.isDone()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                result.completeExceptionally(new RestClientException("No JobManager leader had job " + jobId
                        + " for " + patience.toSeconds() + " s; last: " + lastFailure.getMessage(),
                        RestClientException.NO_RESPONSE, lastFailure));
                return;
            }
            Configuration leader = new Configuration(configuration);
            try {
                new ZooKeeperLeaderTarget().defaultTarget(configuration).forEach(leader::setString);
            } catch (RuntimeException e) {
                findLeader(jobId, loader, deadline, e, result);
                return;
            }
            poll(new RestClusterClient(leader), jobId, loader, deadline, result);
        });
    }
}
