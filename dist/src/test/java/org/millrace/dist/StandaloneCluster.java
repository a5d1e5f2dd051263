package org.millrace.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * A standalone session cluster for end-to-end tests, started as users start it: a
 * {@code bin/jobmanager.sh start-foreground} JVM and {@code bin/taskmanager.sh start-foreground}
 * JVMs with their own {@code flink-conf.yaml} on free ports, plus {@code bin/flink} clients. Every
 * process it started, and their descendants, is killed by {@link #close()}.
 */
final class StandaloneCluster implements AutoCloseable {

    static final Duration STARTUP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path conf;
    private final int restPort;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> daemons = new ArrayList<>();
    private final List<Process> mayExit = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Writes the configuration ({@code extraConfiguration} lines after the ports and addresses) into
     * {@code dir/conf}; nothing runs yet.
     */
    StandaloneCluster(Path dir, String... extraConfiguration) throws IOException {
        this.dir = dir;
        this.restPort = freePort();
        this.conf = Files.createDirectories(dir.resolve("conf"));
        List<String> lines = new ArrayList<>(List.of(
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "rest.address: localhost",
                "rest.port: " + restPort,
                "taskmanager.host: localhost"));
        lines.addAll(List.of(extraConfiguration));
        lines.add("");
        Files.writeString(conf.resolve("flink-conf.yaml"), String.join("\n", lines));
        Files.copy(BinScripts.HOME.resolve("conf/log4j2.properties"), conf.resolve("log4j2.properties"));
    }

    /** Starts the JobManager and {@code taskManagers} TaskManagers and waits until all registered. */
    List<Process> start(int taskManagers) throws Exception {
        daemons.add(startProcess("jobmanager", "jobmanager.sh", "start-foreground"));
        List<Process> started = new ArrayList<>();
        for (int i = 1; i <= taskManagers; i++) {
            Process taskManager = startProcess("taskmanager-" + i, "taskmanager.sh", "start-foreground");
            daemons.add(taskManager);
            started.add(taskManager);
        }
        awaitRest("/overview", overview -> overview.path("taskmanagers").asInt() == taskManagers, STARTUP);
        return started;
    }

    /** One more {@code bin/taskmanager.sh start-foreground} JVM, output in {@code dir/<name>/}, not awaited. */
    Process startTaskManager(String name) throws IOException {
        return startProcess(name, "taskmanager.sh", "start-foreground");
    }

    /** A cluster process the test itself ends, so its exit is no failure. */
    void allowExit(Process process) {
        mayExit.add(process);
    }

    int restPort() {
        return restPort;
    }

    /** {@code bin/flink args} with its output in {@code dir/<name>/stdout.txt} and {@code stderr.txt}. */
    Process flink(String name, String... args) throws IOException {
        return startProcess(name, "flink", args);
    }

    private Process startProcess(String name, String script, String... args) throws IOException {
        Path workDir = Files.createDirectories(dir.resolve(name));
        ProcessBuilder builder = BinScripts.script(script, workDir, conf, args)
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Exit code, stdout and stderr of a finished {@link #flink} client. */
    String output(Process client, String name) throws IOException {
        return "exit " + client.exitValue() + "\n--- stdout:\n" + Files.readString(dir.resolve(name).resolve("stdout.txt"))
                + "\n--- stderr:\n" + Files.readString(dir.resolve(name).resolve("stderr.txt"));
    }

    /** Polls a REST path until its JSON satisfies {@code condition}; the answer that did. */
    JsonNode awaitRest(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertAlive();
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(url(path)));
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

    /** {@code PATCH /jobs/:jobid?mode=cancel}. */
    void cancel(String jobId) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 202) {
            throw new AssertionError("Cancelling " + jobId + " answered " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + restPort + path);
    }

    private void assertAlive() throws IOException {
        for (Process process : daemons) {
            if (!mayExit.contains(process) && !process.isAlive()) {
                throw new AssertionError("a cluster process exited with " + process.exitValue() + "\n" + logs());
            }
        }
    }

    /** The cluster processes' outputs and log files, for failure messages. */
    String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".txt")).toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                text.append("--- ").append(dir.relativize(file)).append(":\n")
                        .append(content.length() > 20_000 ? content.substring(content.length() - 20_000) : content)
                        .append('\n');
            }
        }
        return text.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills every process started here and its descendants, and waits for them. */
    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
