package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.SubtaskInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.rest.http.RestJson;

/**
 * The JSON of {@code GET /jobs}, {@code /jobs/overview} and {@code /jobs/:jobid}, in Flink's field
 * names. State counts list all of Flink's execution states (those Millrace does not have are 0), so
 * dashboards written for Flink find every key.
 */
public final class JobJson {

    /** Flink's execution states, in its order; the keys of every per-state count. */
    static final List<String> FLINK_EXECUTION_STATES = List.of("CREATED", "SCHEDULED", "DEPLOYING", "RUNNING",
            "FINISHED", "CANCELING", "CANCELED", "FAILED", "RECONCILING", "INITIALIZING");

    private static final Map<String, ExecutionState> MILLRACE_STATES = new HashMap<>();

    static {
        for (ExecutionState state : ExecutionState.values()) {
            MILLRACE_STATES.put(state.name(), state);
        }
    }

    private JobJson() {}

    /** {@code {"id","status"}}: one entry of {@code GET /jobs}. */
    public static ObjectNode idAndStatus(JobInfo job) {
        return RestJson.object().put("id", job.jobId().toString()).put("status", job.status().name());
    }

    /** One entry of {@code GET /jobs/overview}; "tasks" counts subtasks by state. */
    public static ObjectNode overview(JobInfo job, long now) {
        ObjectNode node = RestJson.object()
                .put("jid", job.jobId().toString())
                .put("name", job.name())
                .put("state", job.status().name())
                .put("start-time", job.startTime())
                .put("end-time", job.endTime())
                .put("duration", duration(job.startTime(), job.endTime(), now))
                .put("last-modification", lastModification(job));
        Map<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
        int total = 0;
        for (VertexInfo vertex : job.vertices()) {
            for (SubtaskInfo subtask : vertex.subtasks()) {
                counts.merge(subtask.status(), 1, Integer::sum);
                total++;
            }
        }
        ObjectNode tasks = RestJson.object().put("total", total);
        for (String state : FLINK_EXECUTION_STATES) {
            tasks.put(state.toLowerCase(Locale.ROOT), count(counts, state));
        }
        node.set("tasks", tasks);
        return node;
    }

    /** {@code GET /jobs/:jobid}: the job, the times it entered each state, and its vertices. */
    public static ObjectNode details(JobInfo job, long now) {
        return details(job, SubtaskMetricsLookup.NONE, now);
    }

    /** As {@link #details(JobInfo, long)}, with the vertices' records from reported metrics. */
    static ObjectNode details(JobInfo job, SubtaskMetricsLookup metrics, long now) {
        ObjectNode node = RestJson.object()
                .put("jid", job.jobId().toString())
                .put("name", job.name())
                .put("isStoppable", false)
                .put("state", job.status().name())
                .put("start-time", job.startTime())
                .put("end-time", job.endTime())
                .put("duration", duration(job.startTime(), job.endTime(), now))
                .put("now", now);
        ObjectNode timestamps = RestJson.object();
        for (JobStatus status : JobStatus.values()) {
            timestamps.put(status.name(), job.stateTimestamps().getOrDefault(status, 0L));
        }
        node.set("timestamps", timestamps);
        ArrayNode vertices = RestJson.array();
        Map<ExecutionState, Integer> vertexCounts = new EnumMap<>(ExecutionState.class);
        for (VertexInfo vertex : job.vertices()) {
            vertices.add(VertexJson.summary(vertex, metrics, now));
            vertexCounts.merge(vertex.status(), 1, Integer::sum);
        }
        node.set("vertices", vertices);
        node.set("status-counts", stateCounts(vertexCounts));
        return node;
    }

    /** Counts keyed by every Flink execution state name. */
    static ObjectNode stateCounts(Map<ExecutionState, Integer> counts) {
        ObjectNode node = RestJson.object();
        for (String state : FLINK_EXECUTION_STATES) {
            node.put(state, count(counts, state));
        }
        return node;
    }

    private static int count(Map<ExecutionState, Integer> counts, String flinkState) {
        ExecutionState state = MILLRACE_STATES.get(flinkState);
        return state == null ? 0 : counts.getOrDefault(state, 0);
    }

    /** Milliseconds from start to end, or to now while running; -1 before the start. */
    static long duration(long startTime, long endTime, long now) {
        if (startTime <= 0) {
            return -1;
        }
        return (endTime >= 0 ? endTime : now) - startTime;
    }

    private static long lastModification(JobInfo job) {
        long last = Math.max(job.startTime(), job.endTime());
        for (Long timestamp : job.stateTimestamps().values()) {
            last = Math.max(last, timestamp);
        }
        return last;
    }
}
