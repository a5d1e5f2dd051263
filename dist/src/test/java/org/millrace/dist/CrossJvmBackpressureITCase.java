package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.millrace.testing.Pacer;
import org.millrace.testing.TestJars;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backpressure across JVMs, judged only from the metrics the REST API shows: a source that could
 * emit millions of records per second feeds, through the Netty exchange between two TaskManager
 * JVMs, a sink limited to {@link #RATE} records per second ({@link RateLimitedSinkProgram}). Credit-based
 * flow control must slow the source down to the sink's rate, the source must report that it waits
 * for buffers (back-pressured time), and no TaskManager may hold more network memory than its pool.
 */
@Timeout(600)
class CrossJvmBackpressureITCase {

    private static final int RATE = 2_000;
    private static final int PAYLOAD_CHARS = 100;
    private static final int SEGMENT_BYTES = 4096;
    private static final long NETWORK_BYTES = 4L << 20;
    /** The source's rate is measured over windows at least this long (TaskManager clock). */
    private static final long WINDOW_MILLIS = 5_000;
    private static final double TOLERANCE = 0.2;
    private static final Duration CONVERGENCE = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    private StandaloneClusterProcesses cluster;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = new StandaloneClusterProcesses(tmp, 1,
                "taskmanager.memory.network.max: " + (NETWORK_BYTES >> 20) + " mb",
                "taskmanager.memory.segment-size: " + (SEGMENT_BYTES >> 10) + " kb",
                "heartbeat.interval: 200 ms",
                "heartbeat.timeout: 20 s");
        cluster.start(2);
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    @Test
    void slowSinkInAnotherJvmSlowsTheSourceToItsRateWithinBoundedNetworkMemory() throws Exception {
        String jobId = submitRateLimitedJob();
        JsonNode job = cluster.awaitRest("/jobs/" + jobId, allTasksRunning(), StandaloneClusterProcesses.STARTUP);
        String source = vertexId(job, RateLimitedSinkProgram.SOURCE_NAME);
        String sink = vertexId(job, RateLimitedSinkProgram.SINK_NAME);
        String sourcePath = "/jobs/" + jobId + "/vertices/" + source;
        String sinkPath = "/jobs/" + jobId + "/vertices/" + sink;

        double rate = awaitConvergedSourceRate(sourcePath);

        JsonNode sourceSubtask = cluster.awaitRest(sourcePath, subtaskMetric("backPressuredTimeMsPerSecond", v -> v >= 500),
                Duration.ofMinutes(1)).path("subtasks").get(0);
        JsonNode sinkSubtask = cluster.awaitRest(sinkPath, subtaskMetric("read-records", v -> v > 0), Duration.ofMinutes(1))
                .path("subtasks").get(0);
        String sourceTaskManager = sourceSubtask.path("taskmanager-id").asText();
        String sinkTaskManager = sinkSubtask.path("taskmanager-id").asText();
        assertTrue(!sourceTaskManager.equals(sinkTaskManager), "source and sink should run in different TaskManagers");
        assertTrue(sourceSubtask.path("metrics").path("accumulated-backpressured-time").asLong() > 0, sourceSubtask.toString());
        JsonNode level = cluster.awaitRest(sourcePath + "/backpressure", json -> true, Duration.ofSeconds(30));
        assertEquals("high", level.path("backpressure-level").asText(), level.toString());

        JsonNode receiver = cluster.awaitRest("/taskmanagers/" + sinkTaskManager, json -> json.has("metrics"),
                Duration.ofSeconds(30)).path("metrics");
        JsonNode sender = cluster.awaitRest("/taskmanagers/" + sourceTaskManager, json -> json.has("metrics"),
                Duration.ofSeconds(30)).path("metrics");
        for (JsonNode memory : new JsonNode[] {receiver, sender}) {
            assertEquals(NETWORK_BYTES, memory.path("nettyShuffleMemoryTotal").asLong(), memory.toString());
            assertEquals(NETWORK_BYTES / SEGMENT_BYTES, memory.path("nettyShuffleMemorySegmentsTotal").asLong(), memory.toString());
            assertTrue(memory.path("nettyShuffleMemorySegmentsUsed").asLong() > 0, memory.toString());
            assertTrue(memory.path("nettyShuffleMemorySegmentsMaxUsed").asLong()
                    <= memory.path("nettyShuffleMemorySegmentsTotal").asLong(), memory.toString());
            assertTrue(memory.path("nettyShuffleMemoryUsed").asLong() <= memory.path("nettyShuffleMemoryTotal").asLong(),
                    memory.toString());
        }

        // Records in flight between the two JVMs fit in the buffers both pools ever held, so nothing
        // (Netty's own queues included) buffered outside them. Frames are longer than the payload.
        // The two figures were taken at different moments (their TaskManagers' timestamps): both
        // ends move at the sink's rate, so allow that rate over the gap, plus a second.
        long written = sourceSubtask.path("metrics").path("write-records").asLong();
        long read = sinkSubtask.path("metrics").path("read-records").asLong();
        long gapMillis = Math.abs(sourceSubtask.path("metrics").path("metrics-timestamp").asLong()
                - sinkSubtask.path("metrics").path("metrics-timestamp").asLong());
        long recordsPerSegment = SEGMENT_BYTES / PAYLOAD_CHARS + 1;
        long bound = (receiver.path("nettyShuffleMemorySegmentsMaxUsed").asLong()
                + sender.path("nettyShuffleMemorySegmentsMaxUsed").asLong()) * recordsPerSegment
                + RATE * (gapMillis + 1000) / 1000;
        assertTrue(Math.abs(written - read) <= bound, "written " + written + ", read " + read + ", bound " + bound
                + " (source rate " + rate + "/s, figures " + gapMillis + " ms apart)");

        cluster.cancel(jobId);
        cluster.awaitRest("/jobs/" + jobId, json -> json.path("state").asText().equals("CANCELED"), Duration.ofMinutes(1));
    }

    private String submitRateLimitedJob() throws Exception {
        Path jar = TestJars.programJar(tmp.resolve("rate-limited-sink.jar"), RateLimitedSinkProgram.class, Pacer.class);
        Process client = cluster.run("client", "flink", "run", "-d", "-m", "localhost:" + cluster.restPort(), jar.toString(),
                "--rate", String.valueOf(RATE), "--payload", String.valueOf(PAYLOAD_CHARS));
        assertTrue(client.waitFor(3, TimeUnit.MINUTES), "bin/flink run -d did not return\n" + cluster.logs());
        String output = cluster.output("client", client);
        assertEquals(0, client.exitValue(), output + "\n" + cluster.logs());
        JsonNode jobs = cluster.awaitRest("/jobs/overview", json -> json.path("jobs").size() == 1, Duration.ofSeconds(30));
        return jobs.path("jobs").get(0).path("jid").asText();
    }

    /**
     * Samples the source subtask's {@code write-records} until two consecutive windows of at least
     * {@link #WINDOW_MILLIS} (by the TaskManager's timestamps of the figures) both show a rate within
     * {@link #TOLERANCE} of {@link #RATE}; the last window's rate.
     */
    private double awaitConvergedSourceRate(String sourcePath) throws Exception {
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        long windowStart = -1;
        long recordsAtStart = 0;
        int windowsInBand = 0;
        StringBuilder history = new StringBuilder();
        while (System.nanoTime() < deadline) {
            JsonNode metrics = cluster.awaitRest(sourcePath, subtaskMetric("metrics-timestamp", v -> v > 0),
                    Duration.ofMinutes(1)).path("subtasks").get(0).path("metrics");
            long timestamp = metrics.path("metrics-timestamp").asLong();
            long records = metrics.path("write-records").asLong();
            if (windowStart < 0) {
                windowStart = timestamp;
                recordsAtStart = records;
            } else if (timestamp - windowStart >= WINDOW_MILLIS) {
                double rate = (records - recordsAtStart) * 1000.0 / (timestamp - windowStart);
                history.append(String.format(" %.0f", rate));
                windowsInBand = Math.abs(rate - RATE) <= TOLERANCE * RATE ? windowsInBand + 1 : 0;
                if (windowsInBand == 2) {
                    return rate;
                }
                windowStart = timestamp;
                recordsAtStart = records;
            }
            Thread.sleep(500); // sampling pace of a metric, not synchronisation
        }
        throw new AssertionError("The source's rate did not converge to " + RATE + "/s within " + CONVERGENCE
                + "; window rates:" + history + "\n" + cluster.logs());
    }

    private static Predicate<JsonNode> allTasksRunning() {
        return job -> {
            int vertices = 0;
            for (JsonNode vertex : job.path("vertices")) {
                vertices++;
                if (!vertex.path("status").asText().equals("RUNNING")) {
                    return false;
                }
            }
            return vertices > 0;
        };
    }

    private static Predicate<JsonNode> subtaskMetric(String name, java.util.function.LongPredicate condition) {
        return vertex -> vertex.path("subtasks").size() == 1
                && vertex.path("subtasks").get(0).path("metrics").has(name)
                && condition.test(vertex.path("subtasks").get(0).path("metrics").path(name).asLong());
    }

    private static String vertexId(JsonNode job, String operatorName) {
        for (JsonNode vertex : job.path("vertices")) {
            if (vertex.path("name").asText().contains(operatorName)) {
                return vertex.path("id").asText();
            }
        }
        throw new AssertionError("No vertex with operator " + operatorName + " in " + job);
    }
}
