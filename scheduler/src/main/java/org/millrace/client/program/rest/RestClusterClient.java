package org.millrace.client.program.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.client.ClientOptions;
import org.millrace.configuration.Configuration;
import org.millrace.core.execution.JobExecutionException;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.util.InstantiationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one Millrace cluster, speaking only its REST API (the paths and JSON of Flink's):
 * submits job graphs with their JARs, follows a job to its result, lists and cancels jobs.
 *
 * <p>Every method is asynchronous and never blocks the caller; failures complete the future with a
 * {@link RestClientException} whose message the CLI prints as it is (a job's own failure is a
 * {@link JobExecutionException}). Each HTTP request waits at most {@code client.timeout}. Only
 * submission retries, and only while the JobManager refuses connections (it may still be starting):
 * up to {@code rest.retry.max-attempts} times, {@code rest.retry.delay} apart.
 *
 * <p>The client holds no threads of its own (the JDK's HTTP client and the common delayed executor
 * do the work), so there is nothing to close.
 */
public final class RestClusterClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestClusterClient.class);

    /** Result polling starts fast, for short batch jobs, and backs off to this interval. */
    private static final long FIRST_POLL_DELAY_MILLIS = 10;
    private static final long MAX_POLL_DELAY_MILLIS = 1000;

    private final RestEndpoint endpoint;
    private final ObjectMapper json = new ObjectMapper();
    private final int submitRetries;
    private final Duration retryDelay;

    /** A client for the cluster at {@code rest.address}:{@code rest.port} of the configuration. */
    public RestClusterClient(Configuration configuration) {
        Duration timeout = configuration.get(ClientOptions.CLIENT_TIMEOUT);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        this.endpoint = new RestEndpoint(http, configuration.get(RestClientOptions.ADDRESS),
                configuration.get(RestClientOptions.PORT), timeout, json);
        this.submitRetries = Math.max(0, configuration.get(RestClientOptions.RETRY_MAX_ATTEMPTS));
        this.retryDelay = configuration.get(RestClientOptions.RETRY_DELAY);
    }

    /** {@code http://host:port} of the cluster's REST endpoint (and web dashboard). */
    public String getWebInterfaceURL() {
        return endpoint.baseUrl();
    }

    /**
     * Uploads the job graph and the JARs ({@code POST /jobs}, multipart) and completes with the job's
     * id once the cluster has accepted the job. The JARs are streamed from disk.
     */
    public CompletableFuture<JobID> submitJob(JobGraph jobGraph, List<Path> jars) {
        HttpRequest request;
        try {
            request = submitRequest(jobGraph, jars);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new RestClientException("Could not prepare the submission of job "
                    + jobGraph.getJobID() + ": " + e.getMessage(), RestClientException.NO_RESPONSE, e));
        }
        LOG.info("Submitting job '{}' ({}) with {} JAR file(s) to {}", jobGraph.getName(), jobGraph.getJobID(),
                jars.size(), endpoint.baseUrl());
        return sendRetryingWhileRefused(request, 0).thenApply(answer -> {
            LOG.info("Job {} was accepted: {}", jobGraph.getJobID(), answer.path("jobUrl").asText(""));
            return jobGraph.getJobID();
        });
    }

    /**
     * Polls {@code GET /jobs/:jobid/execution-result} (from 10 ms, doubling up to 1 s apart) until
     * the job has ended. Completes with its result, accumulators deserialized with
     * {@code userClassLoader}; fails with a {@link JobExecutionException} if it failed or was cancelled.
     * Cancelling the returned future stops the polling.
     */
    public CompletableFuture<JobExecutionResult> requestJobResult(JobID jobId, ClassLoader userClassLoader) {
        CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        pollJobResult(jobId, userClassLoader, FIRST_POLL_DELAY_MILLIS, result);
        return result;
    }

    /** All jobs the cluster knows, running and ended ({@code GET /jobs/overview}). */
    public CompletableFuture<List<JobStatusMessage>> listJobs() {
        return endpoint.send(endpoint.request("/jobs/overview").GET().build()).thenApply(answer -> {
            List<JobStatusMessage> jobs = new ArrayList<>();
            for (JsonNode job : answer.path("jobs")) {
                jobs.add(new JobStatusMessage(parseJobId(job.path("jid").asText()), job.path("name").asText(""),
                        parseJobStatus(job.path("state").asText()), job.path("start-time").asLong()));
            }
            return jobs;
        });
    }

    /** Asks the cluster to cancel the job ({@code PATCH /jobs/:jobid?mode=cancel}); completes once accepted. */
    public CompletableFuture<Void> cancel(JobID jobId) {
        HttpRequest request = endpoint.request("/jobs/" + jobId + "?mode=cancel")
                .method("PATCH", BodyPublishers.noBody()).build();
        return endpoint.send(request).thenApply(answer -> null);
    }

    /**
     * Takes a savepoint of the job ({@code POST /jobs/:jobid/savepoints}), into {@code targetDirectory}
     * or, if null, the cluster's {@code state.savepoints.dir}; completes with the savepoint's path
     * once it is written, cancelling the job afterwards if asked.
     */
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean cancelJob) {
        ObjectNode body = json.createObjectNode().put("cancel-job", cancelJob);
        body.put("target-directory", targetDirectory);
        return startAndAwait("/jobs/" + jobId + "/savepoints", body, "/jobs/" + jobId + "/savepoints/");
    }

    /**
     * Stops the job with a savepoint ({@code POST /jobs/:jobid/stop}), draining it first if asked;
     * completes with the savepoint's path.
     */
    public CompletableFuture<String> stopWithSavepoint(JobID jobId, String targetDirectory, boolean drain) {
        ObjectNode body = json.createObjectNode().put("drain", drain);
        body.put("targetDirectory", targetDirectory);
        return startAndAwait("/jobs/" + jobId + "/stop", body, "/jobs/" + jobId + "/savepoints/");
    }

    /** Deletes a savepoint ({@code POST /savepoint-disposal}); completes when it is gone. */
    public CompletableFuture<Void> disposeSavepoint(String savepointPath) {
        return startAndAwait("/savepoint-disposal", json.createObjectNode().put("savepoint-path", savepointPath),
                "/savepoint-disposal/").thenApply(path -> null);
    }

    /** Starts an asynchronous operation and polls its status until COMPLETED: its location, or its failure. */
    private CompletableFuture<String> startAndAwait(String path, ObjectNode body, String statusPrefix) {
        HttpRequest request = endpoint.request(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(toJson(body))).build();
        CompletableFuture<String> result = new CompletableFuture<>();
        endpoint.send(request).whenComplete((answer, failure) -> {
            if (failure != null) {
                result.completeExceptionally(RestEndpoint.unwrap(failure));
            } else {
                pollOperation(statusPrefix + answer.path("request-id").asText(), FIRST_POLL_DELAY_MILLIS, result);
            }
        });
        return result;
    }

    private void pollOperation(String statusPath, long delayMillis, CompletableFuture<String> result) {
        endpoint.send(endpoint.request(statusPath).GET().build()).whenComplete((answer, failure) -> {
            if (failure != null) {
                result.completeExceptionally(RestEndpoint.unwrap(failure));
            } else if ("COMPLETED".equals(answer.path("status").path("id").asText())) {
                JsonNode operation = answer.path("operation");
                if (operation.has("failure-cause")) {
                    result.completeExceptionally(new RestClientException(
                            operation.path("failure-cause").path("message").asText(), RestClientException.NO_RESPONSE, null));
                } else {
                    result.complete(operation.path("location").asText());
                }
            } else if (!result.isDone()) {
                long next = Math.min(delayMillis * 2, MAX_POLL_DELAY_MILLIS);
                after(delayMillis).execute(() -> pollOperation(statusPath, next, result));
            }
        });
    }

    /** The job's current status ({@code GET /jobs/:jobid}). */
    public CompletableFuture<JobStatus> getJobStatus(JobID jobId) {
        return endpoint.send(endpoint.request("/jobs/" + jobId).GET().build())
                .thenApply(answer -> parseJobStatus(answer.path("state").asText()));
    }

    private HttpRequest submitRequest(JobGraph jobGraph, List<Path> jars) throws IOException {
        String graphFileName = "jobgraph-" + jobGraph.getJobID() + ".bin";
        MultipartBody body = new MultipartBody();
        List<String> jarFileNames = new ArrayList<>();
        Set<String> used = new HashSet<>(Set.of(graphFileName));
        List<Path> jarPaths = new ArrayList<>();
        for (Path jar : jars) {
            String name = uniqueFileName(jar, used);
            jarFileNames.add(name);
            jarPaths.add(jar);
        }
        ObjectNode requestJson = json.createObjectNode();
        requestJson.put("jobGraphFileName", graphFileName);
        jarFileNames.forEach(requestJson.putArray("jobJarFileNames")::add);
        requestJson.put("jobName", jobGraph.getName());
        body.addField("request", "application/json", toJson(requestJson));
        body.addFile("file_0", graphFileName, InstantiationUtil.serializeObject(jobGraph));
        for (int i = 0; i < jarPaths.size(); i++) {
            try {
                body.addFile("file_" + (i + 1), jarFileNames.get(i), jarPaths.get(i));
            } catch (FileNotFoundException e) {
                throw new FileNotFoundException("JAR file of the job does not exist: " + jarPaths.get(i));
            }
        }
        return endpoint.request("/jobs")
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build();
    }

    /** The JAR's file name, prefixed with a number if another part already has that name. */
    private static String uniqueFileName(Path jar, Set<String> used) {
        String name = jar.getFileName() == null ? "job.jar" : jar.getFileName().toString();
        String unique = name;
        for (int i = 1; !used.add(unique); i++) {
            unique = i + "_" + name;
        }
        return unique;
    }

    private CompletableFuture<JsonNode> sendRetryingWhileRefused(HttpRequest request, int retriesDone) {
        return endpoint.send(request).exceptionallyCompose(failure -> {
            Throwable cause = RestEndpoint.unwrap(failure);
            if (cause instanceof RestClientException e && e.isConnectionRefused() && retriesDone < submitRetries) {
                LOG.info("{}; retrying in {} ms ({} of {})", e.getMessage(), retryDelay.toMillis(),
                        retriesDone + 1, submitRetries);
                return CompletableFuture.runAsync(() -> {}, after(retryDelay.toMillis()))
                        .thenCompose(ignored -> sendRetryingWhileRefused(request, retriesDone + 1));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** One poll; schedules the next one unless the job ended or the caller gave up on {@code result}. */
    private void pollJobResult(JobID jobId, ClassLoader userClassLoader, long delayMillis,
            CompletableFuture<JobExecutionResult> result) {
        HttpRequest request = endpoint.request("/jobs/" + jobId + "/execution-result").GET().build();
        endpoint.send(request).whenComplete((answer, failure) -> {
            if (failure != null) {
                result.completeExceptionally(RestEndpoint.unwrap(failure));
            } else if ("COMPLETED".equals(answer.path("status").path("id").asText())) {
                completeWithResult(answer.path("job-execution-result"), jobId, userClassLoader, result);
            } else if (!result.isDone()) {
                long next = Math.min(delayMillis * 2, MAX_POLL_DELAY_MILLIS);
                after(delayMillis).execute(() -> pollJobResult(jobId, userClassLoader, next, result));
            }
        });
    }

    private static void completeWithResult(JsonNode answer, JobID jobId, ClassLoader userClassLoader,
            CompletableFuture<JobExecutionResult> result) {
        try {
            result.complete(JobResultDecoder.decode(answer, jobId, userClassLoader));
        } catch (JobExecutionException | RestClientException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private static Executor after(long delayMillis) {
        return CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS);
    }

    private String toJson(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private JobID parseJobId(String text) {
        try {
            return JobID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw new CompletionException(new RestClientException("The JobManager at " + endpoint.baseUrl()
                    + " sent a malformed job id: '" + text + "'", RestClientException.NO_RESPONSE, e));
        }
    }

    private JobStatus parseJobStatus(String text) {
        try {
            return JobStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new CompletionException(new RestClientException("The JobManager at " + endpoint.baseUrl()
                    + " sent an unknown job state: '" + text + "'", RestClientException.NO_RESPONSE, e));
        }
    }
}
