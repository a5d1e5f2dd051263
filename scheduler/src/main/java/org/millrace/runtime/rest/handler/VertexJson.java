package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import org.millrace.runtime.dispatcher.SubtaskInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.rest.http.RestJson;

/**
 * The JSON of a job vertex: its summary inside {@code GET /jobs/:jobid}, its subtasks
 * ({@code /vertices/:vertexid}) and their back pressure ({@code .../backpressure}).
 */
public final class VertexJson {

    /** Back-pressure ratios up to this are "ok" (Flink's threshold). */
    static final double OK_THRESHOLD = 0.10;
    /** Ratios above {@link #OK_THRESHOLD} up to this are "low"; higher ones "high". */
    static final double LOW_THRESHOLD = 0.5;

    private VertexJson() {}

    static ObjectNode summary(VertexInfo vertex, long now) {
        long start = startTime(vertex);
        long end = endTime(vertex);
        ObjectNode node = RestJson.object()
                .put("id", vertex.id())
                .put("name", vertex.name())
                .put("parallelism", vertex.parallelism())
                .put("maxParallelism", vertex.maxParallelism())
                .put("status", vertex.status().name())
                .put("start-time", start)
                .put("end-time", end)
                .put("duration", JobJson.duration(start, end, now));
        Map<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
        long recordsIn = 0;
        long recordsOut = 0;
        for (SubtaskInfo subtask : vertex.subtasks()) {
            counts.merge(subtask.status(), 1, Integer::sum);
            recordsIn += subtask.recordsIn();
            recordsOut += subtask.recordsOut();
        }
        node.set("tasks", JobJson.stateCounts(counts));
        node.set("metrics", RestJson.object()
                .put("read-records", recordsIn)
                .put("write-records", recordsOut)
                .put("read-records-complete", true)
                .put("write-records-complete", true));
        return node;
    }

    /** {@code GET /jobs/:jobid/vertices/:vertexid}. */
    public static ObjectNode details(VertexInfo vertex, long now) {
        ObjectNode node = RestJson.object()
                .put("id", vertex.id())
                .put("name", vertex.name())
                .put("parallelism", vertex.parallelism())
                .put("maxParallelism", vertex.maxParallelism())
                .put("now", now);
        ArrayNode subtasks = RestJson.array();
        for (SubtaskInfo s : vertex.subtasks()) {
            ObjectNode subtask = RestJson.object()
                    .put("subtask", s.subtask())
                    .put("status", s.status().name())
                    .put("attempt", s.attempt())
                    .put("host", s.host())
                    .put("start-time", s.startTime())
                    .put("end-time", s.endTime())
                    .put("duration", JobJson.duration(s.startTime(), s.endTime(), now))
                    .put("taskmanager-id", s.taskManagerId());
            subtask.set("metrics", RestJson.object().put("read-records", s.recordsIn()).put("write-records", s.recordsOut()));
            subtasks.add(subtask);
        }
        node.set("subtasks", subtasks);
        return node;
    }

    /** {@code GET /jobs/:jobid/vertices/:vertexid/backpressure}: the vertex level is its worst subtask's. */
    public static ObjectNode backpressure(VertexInfo vertex, long now) {
        double worst = 0;
        ArrayNode subtasks = RestJson.array();
        for (SubtaskInfo s : vertex.subtasks()) {
            worst = Math.max(worst, s.backPressuredRatio());
            subtasks.add(RestJson.object()
                    .put("subtask", s.subtask())
                    .put("attempt-number", s.attempt())
                    .put("backpressure-level", level(s.backPressuredRatio()))
                    .put("ratio", s.backPressuredRatio())
                    .put("idleRatio", s.idleRatio())
                    .put("busyRatio", s.busyRatio()));
        }
        ObjectNode node = RestJson.object()
                .put("status", "ok")
                .put("backpressure-level", level(worst))
                .put("end-timestamp", now);
        node.set("subtasks", subtasks);
        return node;
    }

    static String level(double ratio) {
        if (ratio <= OK_THRESHOLD) {
            return "ok";
        }
        return ratio <= LOW_THRESHOLD ? "low" : "high";
    }

    /** The earliest subtask start, or -1 if none started. */
    private static long startTime(VertexInfo vertex) {
        long start = Long.MAX_VALUE;
        for (SubtaskInfo s : vertex.subtasks()) {
            if (s.startTime() > 0) {
                start = Math.min(start, s.startTime());
            }
        }
        return start == Long.MAX_VALUE ? -1 : start;
    }

    /** The latest subtask end once all subtasks ended, else -1. */
    private static long endTime(VertexInfo vertex) {
        long end = -1;
        for (SubtaskInfo s : vertex.subtasks()) {
            if (!s.status().isTerminal() || s.endTime() < 0) {
                return -1;
            }
            end = Math.max(end, s.endTime());
        }
        return end;
    }
}
