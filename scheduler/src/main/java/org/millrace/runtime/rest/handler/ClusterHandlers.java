package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.millrace.runtime.dispatcher.ClusterOverview;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.runtime.rest.http.RestRequest;
import org.millrace.runtime.rest.http.RestResponse;

/** {@code GET /config} (what the dashboard needs to start) and {@code GET /overview} (cluster totals). */
public final class ClusterHandlers {

    private final DispatcherGateway gateway;
    private final long refreshIntervalMillis;

    public ClusterHandlers(DispatcherGateway gateway, long refreshIntervalMillis) {
        this.gateway = gateway;
        this.refreshIntervalMillis = refreshIntervalMillis;
    }

    public CompletableFuture<RestResponse> config(RestRequest request) {
        ZonedDateTime now = ZonedDateTime.now();
        ObjectNode body = RestJson.object()
                .put("refresh-interval", refreshIntervalMillis)
                .put("timezone-name", now.getZone().getDisplayName(TextStyle.FULL, Locale.ROOT))
                .put("timezone-offset", now.getOffset().getTotalSeconds() * 1000L)
                .put("flink-version", ServerVersion.version())
                .put("flink-revision", ServerVersion.revision());
        body.set("features", RestJson.object().put("web-submit", true).put("web-cancel", true));
        return CompletableFuture.completedFuture(RestResponse.ok(body));
    }

    public CompletableFuture<RestResponse> overview(RestRequest request) {
        return gateway.requestClusterOverview().thenApply(o -> RestResponse.ok(overviewJson(o)));
    }

    private static ObjectNode overviewJson(ClusterOverview o) {
        return RestJson.object()
                .put("taskmanagers", o.taskManagers())
                .put("slots-total", o.slotsTotal())
                .put("slots-available", o.slotsAvailable())
                .put("jobs-running", o.jobsRunning())
                .put("jobs-finished", o.jobsFinished())
                .put("jobs-cancelled", o.jobsCancelled())
                .put("jobs-failed", o.jobsFailed())
                .put("flink-version", ServerVersion.version());
    }
}
