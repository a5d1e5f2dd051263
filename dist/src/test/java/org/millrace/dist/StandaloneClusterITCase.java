package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone session cluster as users start it: {@code bin/jobmanager.sh} and two
 * {@code bin/taskmanager.sh} JVMs (two slots each), driven by {@code bin/flink run -m} over REST.
 * Jobs of parallelism 4 span both TaskManagers, so their keyed exchanges cross JVMs over the
 * shuffle's Netty connections.
 */
@Timeout(600)
class StandaloneClusterITCase {

    @TempDir
    Path tmp;

    private StandaloneClusterProcesses cluster;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = new StandaloneClusterProcesses(tmp, 2).start(2);
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    @Test
    void wordCountAcrossTwoTaskManagersWritesExactCounts() throws Exception {
        Path input = WordCountFiles.writeInput(tmp);
        Path output = tmp.resolve("counts");

        Process client = cluster.flinkRun("client", "-p", "4", BinScripts.exampleJar("WordCount"),
                "--input", input.toString(), "--output", output.toString());

        assertTrue(client.waitFor(5, TimeUnit.MINUTES), "bin/flink run did not finish\n" + cluster.logs());
        String result = cluster.output("client", client);
        assertEquals(0, client.exitValue(), result + "\n" + cluster.logs());
        assertTrue(result.contains("Job with JobID "), result);
        List<Path> files = WordCountFiles.outputFiles(output);
        assertEquals(List.of("1", "2", "3", "4"), files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(files));
        JsonNode jobs = cluster.awaitRest("/jobs/overview", json -> json.path("jobs").size() == 1, Duration.ofSeconds(30));
        assertEquals("FINISHED", jobs.path("jobs").get(0).path("state").asText());
    }

    @Test
    void killedTaskManagerFailsTheRunningJob() throws Exception {
        try (ServerSocket lines = new ServerSocket(0)) {
            Process client = cluster.flinkRun("client", "-p", "4", BinScripts.exampleJar("SocketWordCount"),
                    "--hostname", "localhost", "--port", String.valueOf(lines.getLocalPort()));
            lines.setSoTimeout((int) StandaloneClusterProcesses.STARTUP.toMillis());
            try (Socket source = lines.accept(); OutputStream out = source.getOutputStream()) {
                out.write("to be or not to be\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                JsonNode jobs = cluster.awaitRest("/jobs/overview", json -> json.path("jobs").size() == 1 && allTasksRunning(json.path("jobs").get(0)),
                        StandaloneClusterProcesses.STARTUP);
                String jobId = jobs.path("jobs").get(0).path("jid").asText();
                String victim = cluster.getRest("/taskmanagers").path("taskmanagers").get(1).path("id").asText();

                JsonNode killed = cluster.killTaskManager(victim);

                JsonNode job = cluster.awaitRest("/jobs/" + jobId, json -> json.path("state").asText().equals("FAILED"),
                        Duration.ofMinutes(2));
                assertEquals("FAILED", job.path("state").asText());
                JsonNode exceptions = cluster.awaitRest("/jobs/" + jobId + "/exceptions",
                        json -> !json.path("root-exception").asText().isEmpty(), Duration.ofSeconds(30));
                String root = exceptions.path("root-exception").asText();
                assertTrue(root.contains(":" + killed.path("dataPort").asInt() + " ") || root.contains(victim),
                        "the failure should name the killed TaskManager " + killed + ":\n" + exceptions.toPrettyString());
                assertTrue(client.waitFor(2, TimeUnit.MINUTES), "bin/flink run did not end\n" + cluster.logs());
                String result = cluster.output("client", client);
                assertEquals(1, client.exitValue(), result);
                assertTrue(result.contains(jobId), result);
            }
        }
        // The surviving TaskManager takes the next job: the cluster outlives the failure.
        cluster.awaitRest("/overview", json -> json.path("taskmanagers").asInt() == 1
                && json.path("slots-available").asInt() == 2, Duration.ofMinutes(1));
    }

    /** Whether every task of a {@code /jobs/overview} entry is running. */
    static boolean allTasksRunning(JsonNode job) {
        JsonNode tasks = job.path("tasks");
        return tasks.path("total").asInt() > 0 && tasks.path("running").asInt() == tasks.path("total").asInt();
    }
}
