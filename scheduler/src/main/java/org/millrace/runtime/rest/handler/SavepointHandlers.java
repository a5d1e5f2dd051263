package org.millrace.runtime.rest.handler;

import org.millrace.runtime.checkpoint.SavepointType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.millrace.api.common.JobID;
import org.millrace.runtime.checkpoint.CheckpointStatistics;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.dispatcher.JobNotFoundException;
import org.millrace.runtime.dispatcher.NotLeaderException;
import org.millrace.runtime.rest.http.RestHandlerException;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.runtime.rest.http.RestRequest;
import org.millrace.runtime.rest.http.RestResponse;

/**
 * Savepoints and checkpoint statistics over REST, in Flink's shapes: triggering a savepoint
 * ({@code POST /jobs/:jobid/savepoints}, {@code POST /jobs/:jobid/stop}) or a disposal
 * ({@code POST /savepoint-disposal}) answers at once with a {@code request-id}, whose status
 * ({@code GET .../:triggerid}) is IN_PROGRESS, then COMPLETED with the savepoint's {@code location}
 * or a {@code failure-cause}. The last 1,000 operations are remembered.
 */
public final class SavepointHandlers {

    private static final int REMEMBERED_OPERATIONS = 1_000;

    /** An asynchronous operation: the job it belongs to (null for disposals) and its result. */
    private record Operation(JobID jobId, CompletableFuture<String> result) {}

    private final DispatcherGateway gateway;
    private final Map<String, Operation> operations = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Operation> eldest) {
            return size() > REMEMBERED_OPERATIONS;
        }
    };

    public SavepointHandlers(DispatcherGateway gateway) {
        this.gateway = gateway;
    }

    /** {@code POST /jobs/:jobid/savepoints} with {@code {"target-directory": ..., "cancel-job": false}}. */
    public CompletableFuture<RestResponse> trigger(RestRequest request) throws RestHandlerException {
        JobID jobId = RequestParameters.jobId(request);
        JsonNode body = RequestBodies.object(request);
        return start(jobId, gateway.triggerSavepoint(jobId, RequestBodies.text(body, "target-directory"),
                RequestBodies.bool(body, "cancel-job", false) ? SavepointType.STOP : SavepointType.SAVEPOINT));
    }

    /**
     * {@code POST /jobs/:jobid/stop} with {@code {"targetDirectory": ..., "drain": false}}: savepoint,
     * then cancel; with {@code "drain": true} the sources end their input with the savepoint and the
     * job finishes.
     */
    public CompletableFuture<RestResponse> stop(RestRequest request) throws RestHandlerException {
        JobID jobId = RequestParameters.jobId(request);
        JsonNode body = RequestBodies.object(request);
        SavepointType type = RequestBodies.bool(body, "drain", false) ? SavepointType.STOP_AND_DRAIN : SavepointType.STOP;
        return start(jobId, gateway.triggerSavepoint(jobId, RequestBodies.text(body, "targetDirectory"), type));
    }

    /** {@code GET /jobs/:jobid/savepoints/:triggerid}. */
    public CompletableFuture<RestResponse> status(RestRequest request) throws RestHandlerException {
        JobID jobId = RequestParameters.jobId(request);
        return CompletableFuture.completedFuture(RestResponse.ok(statusJson(operation(request, jobId))));
    }

    /** {@code POST /savepoint-disposal} with {@code {"savepoint-path": ...}}. */
    public CompletableFuture<RestResponse> dispose(RestRequest request) throws RestHandlerException {
        String path = RequestBodies.text(RequestBodies.object(request), "savepoint-path");
        if (path == null || path.isBlank()) {
            throw RestHandlerException.badRequest("'savepoint-path' is required");
        }
        return start(null, gateway.disposeSavepoint(path).thenApply(ignored -> path));
    }

    /** {@code GET /savepoint-disposal/:triggerid}. */
    public CompletableFuture<RestResponse> disposalStatus(RestRequest request) throws RestHandlerException {
        return CompletableFuture.completedFuture(RestResponse.ok(statusJson(operation(request, null))));
    }

    /** {@code GET /jobs/:jobid/checkpoints}: counts and the latest completed checkpoint and savepoint. */
    public CompletableFuture<RestResponse> checkpoints(RestRequest request) throws RestHandlerException {
        JobID jobId = RequestParameters.jobId(request);
        return gateway.requestCheckpointStatistics(jobId).thenApply(stats -> {
            if (stats.isEmpty()) {
                throw new CompletionException(RestHandlerException.notFound("Job " + jobId
                        + " takes no checkpoints (execution.checkpointing.interval is not set)"));
            }
            return RestResponse.ok(checkpointsJson(stats.get()));
        });
    }

    private CompletableFuture<RestResponse> start(JobID jobId, CompletableFuture<String> result) {
        if (result.isCompletedExceptionally()) {
            Throwable failure = result.handle((v, t) -> t).join();
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof JobNotFoundException || cause instanceof NotLeaderException) { // 404, 503 at once
                return CompletableFuture.failedFuture(cause);
            }
        }
        String triggerId = UUID.randomUUID().toString().replace("-", "");
        synchronized (operations) {
            operations.put(triggerId, new Operation(jobId, result));
        }
        return CompletableFuture.completedFuture(RestResponse.accepted(RestJson.object().put("request-id", triggerId)));
    }

    private Operation operation(RestRequest request, JobID jobId) throws RestHandlerException {
        String triggerId = request.pathParameter("triggerid");
        Operation operation;
        synchronized (operations) {
            operation = operations.get(triggerId);
        }
        if (operation == null || (jobId != null && !jobId.equals(operation.jobId))) {
            throw RestHandlerException.notFound("No operation " + triggerId + (jobId == null ? "" : " of job " + jobId));
        }
        return operation;
    }

    private static ObjectNode statusJson(Operation operation) {
        ObjectNode json = RestJson.object();
        CompletableFuture<String> result = operation.result;
        if (!result.isDone()) {
            json.set("status", RestJson.object().put("id", "IN_PROGRESS"));
            return json;
        }
        json.set("status", RestJson.object().put("id", "COMPLETED"));
        ObjectNode outcome = RestJson.object();
        Throwable failure = result.handle((v, t) -> t).join();
        if (failure == null) {
            outcome.put("location", result.join());
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            outcome.set("failure-cause", RestJson.object().put("class", cause.getClass().getName())
                    .put("message", String.valueOf(cause.getMessage())).put("stack-trace", trace.toString()));
        }
        json.set("operation", outcome);
        return json;
    }

    private static ObjectNode checkpointsJson(CheckpointStatistics stats) {
        ObjectNode json = RestJson.object();
        json.set("counts", RestJson.object().put("completed", stats.completed()).put("failed", stats.failed())
                .put("in_progress", stats.inProgress())
                .put("total", stats.completed() + stats.failed() + stats.inProgress()));
        ObjectNode latest = RestJson.object();
        if (stats.latestCompleted() != null) {
            latest.set("completed", RestJson.object().put("id", stats.latestCompleted().checkpointId())
                    .put("external_path", stats.latestCompleted().directory())
                    .put("trigger_timestamp", stats.latestCompleted().metadata().timestamp())
                    .put("end_to_end_duration", stats.latestDurationMillis()));
        } else {
            latest.putNull("completed");
        }
        if (stats.latestSavepoint() != null) {
            latest.set("savepoint", RestJson.object().put("external_path", stats.latestSavepoint()));
        } else {
            latest.putNull("savepoint");
        }
        json.set("latest", latest);
        return json;
    }
}
