package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone session cluster as users start it: {@code bin/jobmanager.sh} and two
 * {@code bin/taskmanager.sh} JVMs (two slots each) with their own configuration, driven by
 * {@code bin/flink run -m} over REST. Jobs of parallelism 4 span both TaskManagers, so their keyed
 * exchanges cross JVMs over the shuffle's Netty connections.
 */
@Timeout(600)
class StandaloneClusterITCase {

    private static final Duration STARTUP = StandaloneCluster.STARTUP;

    @TempDir
    Path tmp;

    private StandaloneCluster cluster;
    private int restPort;
    private Process secondTaskManager;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = new StandaloneCluster(tmp,
                "taskmanager.numberOfTaskSlots: 2",
                "heartbeat.interval: 500 ms",
                "heartbeat.timeout: 5 s");
        restPort = cluster.restPort();
        secondTaskManager = cluster.start(2).get(1);
        cluster.allowExit(secondTaskManager);
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    private JsonNode awaitRest(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        return cluster.awaitRest(path, condition, timeout);
    }

    private String logs() throws IOException {
        return cluster.logs();
    }

    private Process flinkClient(String name, String... args) throws IOException {
        return cluster.flink(name, args);
    }

    private String output(Process client, String name) throws IOException {
        return cluster.output(client, name);
    }

    @Test
    void wordCountAcrossTwoTaskManagersWritesExactCounts() throws Exception {
        Path input = WordCountFiles.writeInput(tmp);
        Path output = tmp.resolve("counts");

        Process client = flinkClient("client", "run", "-m", "localhost:" + restPort, "-p", "4",
                BinScripts.exampleJar("WordCount"), "--input", input.toString(), "--output", output.toString());

        assertTrue(client.waitFor(5, TimeUnit.MINUTES), "bin/flink run did not finish\n" + logs());
        String result = output(client, "client");
        assertEquals(0, client.exitValue(), result + "\n" + logs());
        assertTrue(result.contains("Job with JobID "), result);
        List<Path> files = WordCountFiles.outputFiles(output);
        assertEquals(List.of("1", "2", "3", "4"), files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(files));
        JsonNode jobs = awaitRest("/jobs/overview", json -> json.path("jobs").size() == 1, Duration.ofSeconds(30));
        assertEquals("FINISHED", jobs.path("jobs").get(0).path("state").asText());
    }

    @Test
    void killedTaskManagerFailsTheRunningJob() throws Exception {
        try (ServerSocket lines = new ServerSocket(0)) {
            Process client = flinkClient("client", "run", "-m", "localhost:" + restPort, "-p", "4",
                    BinScripts.exampleJar("SocketWordCount"), "--hostname", "localhost",
                    "--port", String.valueOf(lines.getLocalPort()));
            lines.setSoTimeout((int) STARTUP.toMillis());
            try (Socket source = lines.accept(); OutputStream out = source.getOutputStream()) {
                out.write("to be or not to be\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                JsonNode jobs = awaitRest("/jobs/overview", json -> allTasksRunning(json.path("jobs")), STARTUP);
                String jobId = jobs.path("jobs").get(0).path("jid").asText();
                JsonNode before = awaitRest("/taskmanagers", json -> json.path("taskmanagers").size() == 2, STARTUP);

                secondTaskManager.destroyForcibly(); // SIGKILL: no goodbye to the JobManager or the peers

                JsonNode job = awaitRest("/jobs/" + jobId, json -> json.path("state").asText().equals("FAILED"),
                        Duration.ofMinutes(2));
                assertEquals("FAILED", job.path("state").asText());
                JsonNode exceptions = awaitRest("/jobs/" + jobId + "/exceptions",
                        json -> !json.path("root-exception").asText().isEmpty(), Duration.ofSeconds(30));
                JsonNode survivor = awaitRest("/taskmanagers", json -> json.path("taskmanagers").size() == 1, Duration.ofMinutes(1))
                        .path("taskmanagers").get(0);
                JsonNode killed = before.path("taskmanagers").get(0).path("id").equals(survivor.path("id"))
                        ? before.path("taskmanagers").get(1) : before.path("taskmanagers").get(0);
                String root = exceptions.path("root-exception").asText();
                assertTrue(root.contains(":" + killed.path("dataPort").asInt() + " ") || root.contains(killed.path("id").asText()),
                        "the failure should name the killed TaskManager " + killed + ":\n" + exceptions.toPrettyString());
                assertTrue(client.waitFor(2, TimeUnit.MINUTES), "bin/flink run did not end\n" + logs());
                String result = output(client, "client");
                assertEquals(1, client.exitValue(), result);
                assertTrue(result.contains(jobId), result);
            }
        }
        // The surviving TaskManager takes the next job: the cluster outlives the failure.
        awaitRest("/overview", json -> json.path("taskmanagers").asInt() == 1 && json.path("slots-available").asInt() == 2,
                Duration.ofMinutes(1));
    }

    private static boolean allTasksRunning(JsonNode jobs) {
        if (jobs.size() != 1) {
            return false;
        }
        JsonNode tasks = jobs.get(0).path("tasks");
        return tasks.path("total").asInt() > 0 && tasks.path("running").asInt() == tasks.path("total").asInt();
    }
}
