package org.millrace.yarn.client;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.client.ClientOptions;
import org.millrace.client.program.rest.RestClientException;
import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.client.program.rest.RestClusterClient;
import org.millrace.configuration.Configuration;
import org.millrace.core.execution.JobClient;
import org.millrace.yarn.client.YarnClusterDescriptor.YarnApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An attached per-job application's job, followed across ApplicationMaster attempts
 * ({@code yarn.application-attempts}): when the JobManager stops answering while the client waits
 * for the result, the client asks YARN for the application's next attempt and follows the job (same
 * job id, submitted again by that attempt) at its REST address. It gives up when the application ends
 * first, or when YARN still reports the unreachable attempt as running after {@code client.timeout}.
 *
 * <p>Waiting for the next attempt blocks a short-lived thread of its own, which ends with the wait.
 */
final class YarnJobClient implements JobClient {

    private static final Logger LOG = LoggerFactory.getLogger(YarnJobClient.class);
    /** A new attempt answers "not found" until it has submitted the stored job again: retries, this far apart. */
    private static final long NOT_FOUND_RETRY_MILLIS = 200;
    private static final int NOT_FOUND_RETRIES = 150;

    private final JobID jobId;
    private final Configuration configuration;
    private final ClassLoader userCodeClassLoader;
    private final PrintStream out;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private volatile RestClusterClient current;

    private YarnJobClient(JobID jobId, Configuration configuration, ClassLoader userCodeClassLoader, PrintStream out) {
        this.jobId = jobId;
        this.configuration = configuration;
        this.userCodeClassLoader = userCodeClassLoader;
        this.out = out;
    }

    /**
     * Follows the job, submitted to {@code application}, until its result is known.
     *
     * @param out where the client tells that it follows the job to a new attempt
     */
    static YarnJobClient follow(JobID jobId, YarnApplication application, Configuration configuration,
                                ClassLoader userCodeClassLoader, PrintStream out) {
        YarnJobClient client = new YarnJobClient(jobId, configuration, userCodeClassLoader, out);
        client.poll(application, 0);
        return client;
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return current.cancel(jobId);
    }

    private void poll(YarnApplication application, int notFoundRetries) {
        Configuration rest = new Configuration(configuration);
        rest.set(RestClientOptions.ADDRESS, application.restHost());
        rest.set(RestClientOptions.PORT, application.restPort());
        current = new RestClusterClient(rest);
        current.requestJobResult(jobId, userCodeClassLoader).whenComplete((jobResult, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause == null) {
                result.complete(jobResult);
            } else if (cause instanceof RestClientException e && e.getHttpStatus() == RestClientException.NO_RESPONSE) {
                LOG.info("The JobManager of {} does not answer ({}); asking YARN for its next ApplicationMaster attempt",
                        application.applicationId(), e.getMessage());
                Thread waiter = new Thread(() -> followNextAttempt(application), "Waiting for the next attempt of "
                        + application.applicationId());
                waiter.setDaemon(true);
                waiter.start();
            } else if (cause instanceof RestClientException e && e.getHttpStatus() == 404 && notFoundRetries > 0) {
                CompletableFuture.delayedExecutor(NOT_FOUND_RETRY_MILLIS, TimeUnit.MILLISECONDS)
                        .execute(() -> poll(application, notFoundRetries - 1));
            } else {
                result.completeExceptionally(cause);
            }
        });
    }

    private void followNextAttempt(YarnApplication previous) {
        Duration patience = configuration.get(ClientOptions.CLIENT_TIMEOUT);
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(configuration, out)) {
            YarnApplication next = descriptor.awaitNextAttempt(previous, patience);
            out.println("ApplicationMaster attempt " + next.attemptId().getAttemptId() + " of application '"
                    + next.applicationId() + "' runs the job again; Found Web Interface " + next.restHost() + ":"
                    + next.restPort() + ".");
            out.flush();
            poll(next, NOT_FOUND_RETRIES);
        } catch (IOException | YarnException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }
}
