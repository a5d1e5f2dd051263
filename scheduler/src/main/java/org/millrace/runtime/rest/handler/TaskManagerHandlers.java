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

/** {@code GET /taskmanagers} and {@code GET /taskmanagers/:tmid}: the registered TaskManagers. */
public final class TaskManagerHandlers {

    private final DispatcherGateway gateway;

    public TaskManagerHandlers(DispatcherGateway gateway) {
        this.gateway = gateway;
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
                .map(tm -> RestResponse.ok(toJson(tm)))
                .orElseThrow(() -> new CompletionException(RestHandlerException.notFound("TaskManager " + id + " not found"))));
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
