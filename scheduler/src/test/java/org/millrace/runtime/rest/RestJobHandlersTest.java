package org.millrace.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobID;
import org.millrace.runtime.dispatcher.ApplicationStatus;
import org.millrace.runtime.dispatcher.ExceptionInfo;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.JobResult;
import org.millrace.runtime.dispatcher.SerializedThrowable;
import org.millrace.runtime.dispatcher.SubtaskInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.rest.metrics.TaskManagerMetrics;
import org.millrace.runtime.rest.metrics.TaskSample;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;
import org.millrace.util.InstantiationUtil;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestJobHandlersTest {

    private static final String SOURCE_ID = "0123456789abcdef0123456789abcdef";
    private static final String SINK_ID = "fedcba9876543210fedcba9876543210";
    private static final JobID RUNNING = JobID.fromHexString("11111111111111111111111111111111");
    private static final JobID FAILED = JobID.fromHexString("22222222222222222222222222222222");
    private static final JobID UNKNOWN = JobID.fromHexString("33333333333333333333333333333333");

    @TempDir
    Path uploadRoot;

    private RestTestServer server;
    private RestTestClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RestTestServer(uploadRoot);
        client = server.client;
        server.gateway.addJob(runningJob());
        server.gateway.addJob(failedJob());
        server.gateway.results.put(FAILED, new JobResult(FAILED, ApplicationStatus.FAILED, Map.of("records", 42L), 900L,
                new SerializedThrowable("java.lang.IllegalStateException", "record 7", "java.lang.IllegalStateException: record 7\n\tat X")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Running since 1000: a source with a running and a finished subtask, a sink not yet deployed. */
    private static JobInfo runningJob() {
        SubtaskInfo running = new SubtaskInfo(0, ExecutionState.RUNNING, 0, "host-a:6122", "tm-a", 1000, -1, 10, 20, 0.25, 0.5, 0.25);
        SubtaskInfo finished = new SubtaskInfo(1, ExecutionState.FINISHED, 1, "host-b:6122", "tm-b", 1100, 1900, 5, 7, 0.05, 0.9, 0.05);
        VertexInfo source = new VertexInfo(SOURCE_ID, "Source: Sequence -> Map", 2, 128, ExecutionState.RUNNING, List.of(running, finished));
        SubtaskInfo waiting = new SubtaskInfo(0, ExecutionState.CREATED, 0, "-", null, -1, -1, 0, 0, 0, 1, 0);
        VertexInfo sink = new VertexInfo(SINK_ID, "Sink: Print", 1, 128, ExecutionState.CREATED, List.of(waiting));
        Map<JobStatus, Long> timestamps = new EnumMap<>(JobStatus.class);
        timestamps.put(JobStatus.CREATED, 900L);
        timestamps.put(JobStatus.RUNNING, 1000L);
        return new JobInfo(RUNNING, "word count", JobStatus.RUNNING, 1000, -1, timestamps, List.of(source, sink), List.of());
    }

    private static JobInfo failedJob() {
        SubtaskInfo failed = new SubtaskInfo(0, ExecutionState.FAILED, 0, "host-a:6122", "tm-a", 2000, 2500, 3, 0, 0, 0, 0);
        VertexInfo vertex = new VertexInfo(SOURCE_ID, "Map", 1, 128, ExecutionState.FAILED, List.of(failed));
        List<ExceptionInfo> history = List.of(
                new ExceptionInfo("java.io.IOException", "java.io.IOException: disk\n\tat A", 2100, "Map (1/1)", "host-a:6122"),
                new ExceptionInfo("java.lang.IllegalStateException", "java.lang.IllegalStateException: record 7\n\tat X", 2400,
                        null, null));
        return new JobInfo(FAILED, "fragile", JobStatus.FAILED, 2000, 2900,
                Map.of(JobStatus.RUNNING, 2000L, JobStatus.FAILING, 2400L, JobStatus.FAILED, 2900L), List.of(vertex), history);
    }

    @Test
    void jobsListsIdAndStatusInTheGatewaysOrder() throws Exception {
        JsonNode jobs = client.get("/jobs").json().get("jobs");
        assertEquals(2, jobs.size());
        assertEquals(RUNNING.toString(), jobs.get(0).get("id").asText());
        assertEquals("RUNNING", jobs.get(0).get("status").asText());
        assertEquals(FAILED.toString(), jobs.get(1).get("id").asText());
        assertEquals("FAILED", jobs.get(1).get("status").asText());
    }

    @Test
    void jobsOverviewCountsSubtasksByState() throws Exception {
        JsonNode jobs = client.get("/jobs/overview").json().get("jobs");
        JsonNode running = jobs.get(0);
        assertEquals(RUNNING.toString(), running.get("jid").asText());
        assertEquals("word count", running.get("name").asText());
        assertEquals("RUNNING", running.get("state").asText());
        assertEquals(1000, running.get("start-time").asLong());
        assertEquals(-1, running.get("end-time").asLong());
        assertTrue(running.get("duration").asLong() > 0);
        assertEquals(1000, running.get("last-modification").asLong());
        JsonNode tasks = running.get("tasks");
        assertEquals(List.of("total", "created", "scheduled", "deploying", "running", "finished", "canceling", "canceled",
                "failed", "reconciling", "initializing"), fieldNames(tasks));
        assertEquals(3, tasks.get("total").asInt());
        assertEquals(1, tasks.get("created").asInt());
        assertEquals(1, tasks.get("running").asInt());
        assertEquals(1, tasks.get("finished").asInt());
        assertEquals(0, tasks.get("failed").asInt());

        JsonNode failed = jobs.get(1);
        assertEquals(900, failed.get("duration").asLong());
        assertEquals(2900, failed.get("last-modification").asLong());
    }

    @Test
    void jobDetailsHaveTimestampsVerticesAndStatusCounts() throws Exception {
        JsonNode job = client.get("/jobs/" + RUNNING).json();
        assertEquals(RUNNING.toString(), job.get("jid").asText());
        assertEquals("word count", job.get("name").asText());
        assertFalse(job.get("isStoppable").asBoolean());
        assertEquals("RUNNING", job.get("state").asText());
        assertEquals(1000, job.get("start-time").asLong());
        assertEquals(-1, job.get("end-time").asLong());
        assertEquals(job.get("now").asLong() - 1000, job.get("duration").asLong());
        assertEquals(900, job.get("timestamps").get("CREATED").asLong());
        assertEquals(1000, job.get("timestamps").get("RUNNING").asLong());
        assertEquals(0, job.get("timestamps").get("FINISHED").asLong());

        JsonNode source = job.get("vertices").get(0);
        assertEquals(SOURCE_ID, source.get("id").asText());
        assertEquals("Source: Sequence -> Map", source.get("name").asText());
        assertEquals(2, source.get("parallelism").asInt());
        assertEquals(128, source.get("maxParallelism").asInt());
        assertEquals("RUNNING", source.get("status").asText());
        assertEquals(1000, source.get("start-time").asLong());
        assertEquals(-1, source.get("end-time").asLong());
        assertEquals(1, source.get("tasks").get("RUNNING").asInt());
        assertEquals(1, source.get("tasks").get("FINISHED").asInt());
        assertEquals(0, source.get("tasks").get("SCHEDULED").asInt());
        assertEquals(15, source.get("metrics").get("read-records").asLong());
        assertEquals(27, source.get("metrics").get("write-records").asLong());
        assertTrue(source.get("metrics").get("read-records-complete").asBoolean());
        assertTrue(source.get("metrics").get("write-records-complete").asBoolean());

        JsonNode sink = job.get("vertices").get(1);
        assertEquals(-1, sink.get("start-time").asLong());
        assertEquals(-1, sink.get("duration").asLong());
        assertEquals(1, job.get("status-counts").get("RUNNING").asInt());
        assertEquals(1, job.get("status-counts").get("CREATED").asInt());
        assertEquals(0, job.get("status-counts").get("FAILED").asInt());
    }

    @Test
    void unknownJobIs404AndMalformedJobIdIs400() throws Exception {
        RestTestClient.Response unknown = client.get("/jobs/" + UNKNOWN);
        assertEquals(404, unknown.status());
        assertEquals("Job " + UNKNOWN + " not found", unknown.error());
        RestTestClient.Response malformed = client.get("/jobs/not-a-job-id");
        assertEquals(400, malformed.status());
        assertEquals("Invalid job id 'not-a-job-id': expected 32 hexadecimal digits", malformed.error());
        assertEquals(404, client.get("/jobs/" + UNKNOWN + "/exceptions").status());
        assertEquals(404, client.get("/jobs/" + UNKNOWN + "/execution-result").status());
        assertEquals(400, client.get("/jobs/xyz/vertices/" + SOURCE_ID).status());
    }

    @Test
    void exceptionsShowTheNewestFailureFirst() throws Exception {
        JsonNode json = client.get("/jobs/" + FAILED + "/exceptions").json();
        assertEquals("java.lang.IllegalStateException: record 7\n\tat X", json.get("root-exception").asText());
        assertEquals(2400, json.get("timestamp").asLong());
        assertEquals(0, json.get("all-exceptions").size());
        assertFalse(json.get("truncated").asBoolean());
        JsonNode entries = json.get("exceptionHistory").get("entries");
        assertEquals(2, entries.size());
        assertEquals("java.lang.IllegalStateException", entries.get(0).get("exceptionName").asText());
        assertTrue(entries.get(0).get("taskName").isNull());
        assertEquals("java.io.IOException", entries.get(1).get("exceptionName").asText());
        assertEquals("java.io.IOException: disk\n\tat A", entries.get(1).get("stacktrace").asText());
        assertEquals(2100, entries.get(1).get("timestamp").asLong());
        assertEquals("Map (1/1)", entries.get(1).get("taskName").asText());
        assertEquals("host-a:6122", entries.get(1).get("location").asText());
        assertFalse(json.get("exceptionHistory").get("truncated").asBoolean());

        JsonNode cut = client.get("/jobs/" + FAILED + "/exceptions?maxExceptions=1").json().get("exceptionHistory");
        assertEquals(1, cut.get("entries").size());
        assertTrue(cut.get("truncated").asBoolean());
        assertEquals(400, client.get("/jobs/" + FAILED + "/exceptions?maxExceptions=lots").status());
    }

    @Test
    void jobWithoutFailuresHasNullRootException() throws Exception {
        JsonNode json = client.get("/jobs/" + RUNNING + "/exceptions").json();
        assertTrue(json.get("root-exception").isNull());
        assertEquals(0, json.get("exceptionHistory").get("entries").size());
    }

    @Test
    void vertexDetailsListSubtasksWithTheirTaskManagers() throws Exception {
        JsonNode vertex = client.get("/jobs/" + RUNNING + "/vertices/" + SOURCE_ID).json();
        assertEquals(SOURCE_ID, vertex.get("id").asText());
        assertEquals("Source: Sequence -> Map", vertex.get("name").asText());
        assertEquals(2, vertex.get("parallelism").asInt());
        assertEquals(128, vertex.get("maxParallelism").asInt());
        assertTrue(vertex.get("now").asLong() > 0);
        JsonNode second = vertex.get("subtasks").get(1);
        assertEquals(1, second.get("subtask").asInt());
        assertEquals("FINISHED", second.get("status").asText());
        assertEquals(1, second.get("attempt").asInt());
        assertEquals("host-b:6122", second.get("host").asText());
        assertEquals(1100, second.get("start-time").asLong());
        assertEquals(1900, second.get("end-time").asLong());
        assertEquals(800, second.get("duration").asLong());
        assertEquals("tm-b", second.get("taskmanager-id").asText());
        assertEquals(5, second.get("metrics").get("read-records").asLong());
        assertEquals(7, second.get("metrics").get("write-records").asLong());
        // upper-case hex ids are accepted
        assertEquals(200, client.get("/jobs/" + RUNNING + "/vertices/" + SOURCE_ID.toUpperCase()).status());
    }

    @Test
    void reportedMetricsGiveRecordsAccumulatedTimesAndRatesPerSubtask() throws Exception {
        String attempt = new ExecutionAttemptID(RUNNING, Integer.parseUnsignedInt(SOURCE_ID.substring(24), 16), 0, 0).toString();
        TaskManagerMetrics memory = new TaskManagerMetrics(10_000, 64, 8, 9, 32 * 1024);
        server.metrics.update("tm-a", memory, Map.of(attempt, new TaskSample(10_000, 0, 1_000, 0, 1_000, 2_000)));
        server.metrics.update("tm-a", memory, Map.of(attempt, new TaskSample(12_000, 0, 5_000, 0, 2_800, 4_000)));

        JsonNode metrics = client.get("/jobs/" + RUNNING + "/vertices/" + SOURCE_ID).json()
                .get("subtasks").get(0).get("metrics");
        assertEquals(5_000, metrics.get("write-records").asLong());
        assertEquals(10, metrics.get("read-records").asLong(), "the job's own count wins when it is higher");
        assertEquals(2_800, metrics.get("accumulated-backpressured-time").asLong());
        assertEquals(1_200, metrics.get("accumulated-busy-time").asLong());
        assertEquals(2_000.0, metrics.get("numRecordsOutPerSecond").asDouble());
        assertEquals(900.0, metrics.get("backPressuredTimeMsPerSecond").asDouble());
        assertEquals(12_000, metrics.get("metrics-timestamp").asLong());
        JsonNode backpressure = client.get("/jobs/" + RUNNING + "/vertices/" + SOURCE_ID + "/backpressure").json();
        assertEquals(0.9, backpressure.get("subtasks").get(0).get("ratio").asDouble());
        assertEquals("high", backpressure.get("backpressure-level").asText());
        JsonNode job = client.get("/jobs/" + RUNNING).json();
        assertEquals(5_000 + 7, job.get("vertices").get(0).get("metrics").get("write-records").asLong());
    }

    @Test
    void unknownVertexIs404AndMalformedVertexIdIs400() throws Exception {
        RestTestClient.Response unknown = client.get("/jobs/" + RUNNING + "/vertices/" + "a".repeat(32));
        assertEquals(404, unknown.status());
        assertEquals("Vertex " + "a".repeat(32) + " not found in job " + RUNNING, unknown.error());
        assertEquals(400, client.get("/jobs/" + RUNNING + "/vertices/42").status());
    }

    @Test
    void backpressureLevelsFollowTheRatios() throws Exception {
        JsonNode json = client.get("/jobs/" + RUNNING + "/vertices/" + SOURCE_ID + "/backpressure").json();
        assertEquals("ok", json.get("status").asText());
        assertEquals("low", json.get("backpressure-level").asText());
        assertTrue(json.get("end-timestamp").asLong() > 0);
        JsonNode first = json.get("subtasks").get(0);
        assertEquals(0, first.get("subtask").asInt());
        assertEquals(0, first.get("attempt-number").asInt());
        assertEquals("low", first.get("backpressure-level").asText());
        assertEquals(0.25, first.get("ratio").asDouble());
        assertEquals(0.5, first.get("idleRatio").asDouble());
        assertEquals(0.25, first.get("busyRatio").asDouble());
        assertEquals("ok", json.get("subtasks").get(1).get("backpressure-level").asText());
    }

    @Test
    void executionResultIsInProgressWhileTheJobRuns() throws Exception {
        JsonNode json = client.get("/jobs/" + RUNNING + "/execution-result").json();
        assertEquals("IN_PROGRESS", json.get("status").get("id").asText());
        assertFalse(json.has("job-execution-result"));
    }

    @Test
    void executionResultOfAFailedJobHasAccumulatorsAndTheCause() throws Exception {
        JsonNode json = client.get("/jobs/" + FAILED + "/execution-result").json();
        assertEquals("COMPLETED", json.get("status").get("id").asText());
        JsonNode result = json.get("job-execution-result");
        assertEquals(FAILED.toString(), result.get("id").asText());
        assertEquals("FAILED", result.get("application-status").asText());
        assertEquals(900, result.get("net-runtime").asLong());
        byte[] serialized = Base64.getDecoder().decode(result.get("accumulator-results").get("records").asText());
        assertEquals(42L, (Long) InstantiationUtil.deserializeObject(serialized, getClass().getClassLoader()));
        JsonNode cause = result.get("failure-cause");
        assertEquals("java.lang.IllegalStateException", cause.get("class").asText());
        assertEquals("record 7", cause.get("message").asText());
        assertEquals("java.lang.IllegalStateException: record 7\n\tat X", cause.get("stack-trace").asText());
    }

    @Test
    void cancelByPatchOrYarnCancelIsAcceptedAndReachesTheGateway() throws Exception {
        RestTestClient.Response patch = client.send("PATCH", "/jobs/" + RUNNING + "?mode=cancel", BodyPublishers.noBody(), null);
        assertEquals(202, patch.status());
        assertEquals("{}", patch.body());
        assertEquals(202, client.get("/v1/jobs/" + RUNNING + "/yarn-cancel").status());
        assertEquals(List.of(RUNNING, RUNNING), server.gateway.cancellations);

        assertEquals(404, client.send("PATCH", "/jobs/" + UNKNOWN, BodyPublishers.noBody(), null).status());
        RestTestClient.Response stop = client.send("PATCH", "/jobs/" + RUNNING + "?mode=stop", BodyPublishers.noBody(), null);
        assertEquals(400, stop.status());
        assertEquals("Unsupported mode 'stop': only 'cancel' is supported", stop.error());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
