package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.millrace.api.common.JobID;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.rest.http.RestHandlerException;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.runtime.rest.http.RestRequest;
import org.millrace.runtime.rest.http.RestResponse;
import org.millrace.runtime.rest.metrics.MetricStore;

/**
 * The read and cancel endpoints of jobs: lists, details, vertices, back pressure, exceptions,
 * execution result, cancellation. Each is one gateway call turned into JSON.
 */
public final class JobHandlers {

    /** Entries of the exception history shown unless {@code ?maxExceptions=} says otherwise (Flink's default). */
    static final int DEFAULT_MAX_EXCEPTIONS = 20;

    private final DispatcherGateway gateway;
    private final MetricStore metrics;

    /** @param metrics what TaskManagers reported with their heartbeats (empty for an embedded cluster) */
    public JobHandlers(DispatcherGateway gateway, MetricStore metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
    }

    /** {@code GET /jobs}. */
    public CompletableFuture<RestResponse> jobs(RestRequest request) {
        return listOfJobs(JobJson::idAndStatus);
    }

    /** {@code GET /jobs/overview}. */
    public CompletableFuture<RestResponse> jobsOverview(RestRequest request) {
        long now = System.currentTimeMillis();
        return listOfJobs(job -> JobJson.overview(job, now));
    }

    private CompletableFuture<RestResponse> listOfJobs(Function<JobInfo, ObjectNode> entry) {
        return gateway.requestJobs().thenApply(jobs -> {
            ArrayNode array = RestJson.array();
            jobs.forEach(job -> array.add(entry.apply(job)));
            return RestResponse.ok(RestJson.object().set("jobs", array));
        });
    }

    /** {@code GET /jobs/:jobid}. */
    public CompletableFuture<RestResponse> job(RestRequest request) throws RestHandlerException {
        JobID jobId = RequestParameters.jobId(request);
        return gateway.requestJob(jobId).thenApply(job -> RestResponse.ok(
                JobJson.details(job, SubtaskMetricsLookup.of(metrics, jobId), System.currentTimeMillis())));
    }

    /** {@code GET /jobs/:jobid/exceptions[?maxExceptions=n]}. */
    public CompletableFuture<RestResponse> exceptions(RestRequest request) throws RestHandlerException {
        JobID jobId = RequestParameters.jobId(request);
        int max = RequestParameters.positiveInt(request, "maxExceptions").orElse(DEFAULT_MAX_EXCEPTIONS);
        return gateway.requestJob(jobId).thenApply(job -> RestResponse.ok(JobOutcomeJson.exceptions(job, max)));
    }

    /** {@code GET /jobs/:jobid/vertices/:vertexid}. */
    public CompletableFuture<RestResponse> vertex(RestRequest request) throws RestHandlerException {
        return withVertex(request, VertexJson::details);
    }

    /** {@code GET /jobs/:jobid/vertices/:vertexid/backpressure}. */
    public CompletableFuture<RestResponse> backpressure(RestRequest request) throws RestHandlerException {
        return withVertex(request, VertexJson::backpressure);
    }

    private interface VertexView {
        ObjectNode render(VertexInfo vertex, SubtaskMetricsLookup metrics, long now);
    }

    private CompletableFuture<RestResponse> withVertex(RestRequest request, VertexView view) throws RestHandlerException {
        JobID jobId = RequestParameters.jobId(request);
        String vertexId = RequestParameters.vertexId(request);
        return gateway.requestJob(jobId).thenApply(job -> {
            VertexInfo vertex = job.vertex(vertexId);
            if (vertex == null) {
                throw new CompletionException(RestHandlerException.notFound(
                        "Vertex " + vertexId + " not found in job " + jobId));
            }
            return RestResponse.ok(view.render(vertex, SubtaskMetricsLookup.of(metrics, jobId), System.currentTimeMillis()));
        });
    }

    /**
     * {@code GET /jobs/:jobid/execution-result}: IN_PROGRESS while the job runs, else its result.
     * Asks for the job's state first, because the result future only completes once the job ends.
     */
    public CompletableFuture<RestResponse> executionResult(RestRequest request) throws RestHandlerException {
        JobID jobId = RequestParameters.jobId(request);
        return gateway.requestJob(jobId).thenCompose(job -> job.status().isTerminal()
                ? gateway.requestJobResult(jobId).thenApply(result -> RestResponse.ok(JobOutcomeJson.completed(result)))
                : CompletableFuture.completedFuture(RestResponse.ok(JobOutcomeJson.inProgress())));
    }

    /** {@code PATCH /jobs/:jobid[?mode=cancel]}: only cancellation is supported. */
    public CompletableFuture<RestResponse> cancel(RestRequest request) throws RestHandlerException {
        String mode = request.queryParameter("mode").orElse("cancel");
        if (!mode.equals("cancel")) {
            throw RestHandlerException.badRequest("Unsupported mode '" + mode + "': only 'cancel' is supported");
        }
        return cancelJob(request);
    }

    /** {@code GET /jobs/:jobid/yarn-cancel}: cancellation for clients that can only send GET. */
    public CompletableFuture<RestResponse> cancelJob(RestRequest request) throws RestHandlerException {
        return gateway.cancelJob(RequestParameters.jobId(request)).thenApply(ignored -> RestResponse.accepted(RestJson.object()));
    }
}
