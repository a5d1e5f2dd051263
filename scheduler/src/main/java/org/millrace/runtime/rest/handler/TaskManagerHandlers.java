package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.millrace.runtime.dispatcher.TaskManagerInfo;
import org.millrace.runtime.rest.http.RestHandlerException;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.runtime.rest.http.RestRequest;
import org.millrace.runtime.rest.http.RestResponse;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.rest.metrics.MetricStore;

/** {@code GET /taskmanagers} and {@code GET /taskmanagers/:tmid}: the registered TaskManagers. */
public final class TaskManagerHandlers {

    private final DispatcherGateway gateway;
    private final MetricStore metrics;

    /** @param metrics what TaskManagers reported with their heartbeats (empty for an embedded cluster) */
    public TaskManagerHandlers(DispatcherGateway gateway, MetricStore metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
    }

    public CompletableFuture<RestResponse> taskManagers(RestRequest request) {
        return gateway.requestTaskManagers().thenApply(taskManagers -> {
            ArrayNode array = RestJson.array();
            taskManagers.forEach(tm -> array.add(toJson(tm)));
            return RestResponse.ok(RestJson.object().set("taskmanagers", array));
        });
    }

    public CompletableFuture<RestResponse> taskManager(RestRequest request) {
        String id = request.pathParameter("tmid");
        return gateway.requestTaskManagers().thenApply(taskManagers -> taskManagers.stream()
                .filter(tm -> tm.id().equals(id))
                .findFirst()
                .map(tm -> RestResponse.ok(withMetrics(toJson(tm), tm.id())))
                .orElseThrow(() -> new CompletionException(RestHandlerException.notFound("TaskManager " + id + " not found"))));
    }

    /**
     * Flink's {@code metrics} of a TaskManager's details, as far as Millrace measures them: its
     * network memory (Flink's {@code nettyShuffleMemory*}) from its last heartbeat, plus
     * {@code nettyShuffleMemorySegmentsMaxUsed}, the most segments it ever had in use at once.
     */
    private ObjectNode withMetrics(ObjectNode node, String taskManagerId) {
        metrics.taskManager(taskManagerId).ifPresent(m -> node.set("metrics", RestJson.object()
                .put("nettyShuffleMemorySegmentsAvailable", m.segmentsAvailable())
                .put("nettyShuffleMemorySegmentsUsed", m.segmentsUsed())
                .put("nettyShuffleMemorySegmentsTotal", m.segmentsTotal())
                .put("nettyShuffleMemorySegmentsMaxUsed", m.segmentsMaxUsed())
                .put("nettyShuffleMemoryAvailable", m.memoryAvailable())
                .put("nettyShuffleMemoryUsed", m.memoryUsed())
                .put("nettyShuffleMemoryTotal", m.memoryTotal())
                .put("timestamp", m.timestampMillis())));
        return node;
    }

    /** Like Flink, "timeSinceLastHeartbeat" holds the epoch millis of the last heartbeat, not an age. */
    private static ObjectNode toJson(TaskManagerInfo tm) {
        ObjectNode node = RestJson.object()
                .put("id", tm.id())
                .put("path", tm.address())
                .put("dataPort", tm.dataPort())
                .put("timeSinceLastHeartbeat", tm.lastHeartbeat())
                .put("slotsNumber", tm.slotsNumber())
                .put("freeSlots", tm.freeSlots());
        node.set("hardware", RestJson.object()
                .put("cpuCores", tm.cpuCores())
                .put("physicalMemory", tm.physicalMemory())
                .put("freeMemory", tm.freeMemory())
                .put("managedMemory", 0L));
        return node;
    }
}
