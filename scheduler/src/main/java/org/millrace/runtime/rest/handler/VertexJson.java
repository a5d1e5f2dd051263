package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.millrace.runtime.dispatcher.SubtaskInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.runtime.rest.metrics.TaskMetrics;

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

    static ObjectNode summary(VertexInfo vertex, SubtaskMetricsLookup metrics, long now) {
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
            Optional<TaskMetrics> reported = metrics.find(vertex, subtask);
            recordsIn += recordsIn(subtask, reported);
            recordsOut += recordsOut(subtask, reported);
        }
        node.set("tasks", JobJson.stateCounts(counts));
        node.set("metrics", RestJson.object()
                .put("read-records", recordsIn)
                .put("write-records", recordsOut)
                .put("read-records-complete", true)
                .put("write-records-complete", true));
        return node;
    }

    private static long recordsIn(SubtaskInfo subtask, Optional<TaskMetrics> reported) {
        return Math.max(subtask.recordsIn(), reported.map(m -> m.latest().recordsIn()).orElse(0L));
    }

    private static long recordsOut(SubtaskInfo subtask, Optional<TaskMetrics> reported) {
        return Math.max(subtask.recordsOut(), reported.map(m -> m.latest().recordsOut()).orElse(0L));
    }

    /**
     * {@code GET /jobs/:jobid/vertices/:vertexid}. Each subtask's {@code metrics} hold Flink's
     * {@code read-records}, {@code write-records} and {@code accumulated-*-time} (ms), and, where its
     * TaskManager reported them, the rates {@code numRecordsInPerSecond}, {@code numRecordsOutPerSecond},
     * {@code backPressuredTimeMsPerSecond}, {@code idleTimeMsPerSecond}, {@code busyTimeMsPerSecond}
     * over the last seconds, and {@code metrics-timestamp} (the TaskManager's clock, ms).
     */
    static ObjectNode details(VertexInfo vertex, SubtaskMetricsLookup metrics, long now) {
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
            subtask.set("metrics", subtaskMetrics(s, metrics.find(vertex, s)));
            subtasks.add(subtask);
        }
        node.set("subtasks", subtasks);
        return node;
    }

    private static ObjectNode subtaskMetrics(SubtaskInfo s, Optional<TaskMetrics> reported) {
        ObjectNode node = RestJson.object()
                .put("read-records", recordsIn(s, reported))
                .put("write-records", recordsOut(s, reported));
        reported.ifPresent(m -> node
                .put("accumulated-backpressured-time", m.latest().backPressuredMillis())
                .put("accumulated-idle-time", m.latest().idleMillis())
                .put("accumulated-busy-time", m.latest().busyMillis())
                .put("numRecordsInPerSecond", m.recordsInPerSecond())
                .put("numRecordsOutPerSecond", m.recordsOutPerSecond())
                .put("backPressuredTimeMsPerSecond", m.backPressuredTimeMsPerSecond())
                .put("idleTimeMsPerSecond", m.idleTimeMsPerSecond())
                .put("busyTimeMsPerSecond", m.busyTimeMsPerSecond())
                .put("metrics-timestamp", m.latest().timestampMillis()));
        return node;
    }

    /**
     * {@code GET /jobs/:jobid/vertices/:vertexid/backpressure}: the vertex level is its worst subtask's.
     * A subtask's ratios are those of the last seconds where its TaskManager reported them (as
     * Flink's {@code backPressuredTimeMsPerSecond / 1000}), else those of its whole life so far.
     */
    static ObjectNode backpressure(VertexInfo vertex, SubtaskMetricsLookup metrics, long now) {
        double worst = 0;
        ArrayNode subtasks = RestJson.array();
        for (SubtaskInfo s : vertex.subtasks()) {
            Optional<TaskMetrics> reported = metrics.find(vertex, s).filter(m -> m.latest().totalMillis() > 0);
            double backPressured = reported.map(m -> m.backPressuredTimeMsPerSecond() / 1000).orElse(s.backPressuredRatio());
            worst = Math.max(worst, backPressured);
            subtasks.add(RestJson.object()
                    .put("subtask", s.subtask())
                    .put("attempt-number", s.attempt())
                    .put("backpressure-level", level(backPressured))
                    .put("ratio", backPressured)
                    .put("idleRatio", reported.map(m -> m.idleTimeMsPerSecond() / 1000).orElse(s.idleRatio()))
                    .put("busyRatio", reported.map(m -> m.busyTimeMsPerSecond() / 1000).orElse(s.busyRatio())));
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
