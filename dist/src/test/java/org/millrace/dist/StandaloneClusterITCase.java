package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();
    private final List<Process> daemons = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Path conf;
    private int restPort;
    private Process secondTaskManager;

    @BeforeEach
    void startCluster() throws Exception {
        restPort = freePort();
        conf = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(conf.resolve("flink-conf.yaml"), String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "rest.address: localhost",
                "rest.port: " + restPort,
                "taskmanager.host: localhost",
                "taskmanager.numberOfTaskSlots: 2",
                "heartbeat.interval: 500 ms",
                "heartbeat.timeout: 5 s",
                ""));
        Files.copy(BinScripts.HOME.resolve("conf/log4j2.properties"), conf.resolve("log4j2.properties"));
        daemons.add(start("jobmanager", "jobmanager.sh", "start-foreground"));
        daemons.add(start("taskmanager-1", "taskmanager.sh", "start-foreground"));
        secondTaskManager = start("taskmanager-2", "taskmanager.sh", "start-foreground");
        daemons.add(secondTaskManager);
        awaitRest("/overview", overview -> overview.path("taskmanagers").asInt() == 2, STARTUP);
    }

    private Process start(String name, String script, String... args) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        ProcessBuilder builder = BinScripts.script(script, dir, conf, args)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls a REST path until its JSON satisfies {@code condition}; the answer that did. */
    private JsonNode awaitRest(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertClusterAlive();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + restPort + path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode json = JSON.readTree(response.body());
                    if (condition.test(json)) {
                        return json;
                    }
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(200); // polling pace of an observable condition, not synchronisation
        }
        throw new AssertionError("GET " + path + " did not reach the expected state within " + timeout + "; last: " + last
                + "\n" + logs());
    }

    private void assertClusterAlive() throws IOException {
        for (Process process : daemons) {
            if (process != secondTaskManager && !process.isAlive()) {
                throw new AssertionError("a cluster process exited with " + process.exitValue() + "\n" + logs());
            }
        }
    }

    /** The cluster processes' outputs and log files, for failure messages. */
    private String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.walk(tmp)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".txt")).toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                text.append("--- ").append(tmp.relativize(file)).append(":\n")
                        .append(content.length() > 20_000 ? content.substring(content.length() - 20_000) : content)
                        .append('\n');
            }
        }
        return text.toString();
    }

    private Process flinkClient(String name, String... args) throws IOException {
        return start(name, "flink", args);
    }

    private static String output(Process client, Path dir) throws IOException {
        return "exit " + client.exitValue() + "\n--- stdout:\n" + Files.readString(dir.resolve("stdout.txt"))
                + "\n--- stderr:\n" + Files.readString(dir.resolve("stderr.txt"));
    }

    @Test
    void wordCountAcrossTwoTaskManagersWritesExactCounts() throws Exception {
        Path input = WordCountFiles.writeInput(tmp);
        Path output = tmp.resolve("counts");

        Process client = flinkClient("client", "run", "-m", "localhost:" + restPort, "-p", "4",
                BinScripts.exampleJar("WordCount"), "--input", input.toString(), "--output", output.toString());

        assertTrue(client.waitFor(5, TimeUnit.MINUTES), "bin/flink run did not finish\n" + logs());
        String result = output(client, tmp.resolve("client"));
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
                String result = output(client, tmp.resolve("client"));
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
