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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone session cluster of real JVMs for the end-to-end tests: a JobManager
 * ({@code bin/jobmanager.sh start-foreground}) and TaskManagers ({@code bin/taskmanager.sh
 * start-foreground}), each with a control port chosen here so a test knows which process runs
 * which task, on a configuration written to {@code <dir>/conf}; plus REST polling and the logs.
 */
final class StandaloneClusterProcesses implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration STARTUP = Duration.ofMinutes(3);

    private final Path dir;
    private final Path conf;
    private final int restPort;
    private final List<Process> processes = new ArrayList<>();
    /** TaskManager processes by their control port ({@code taskmanager.rpc.port}). */
    private final Map<Integer, Process> taskManagers = new LinkedHashMap<>();
    private Process jobManager;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Writes the configuration (free ports, {@code slotsPerTaskManager} slots, 0.5 s heartbeats
     * that time out after 5 s, uploads below {@code dir}, and {@code extraConf} lines) without
     * starting anything.
     */
    StandaloneClusterProcesses(Path dir, int slotsPerTaskManager, String... extraConf) throws IOException {
        this.dir = dir;
        this.restPort = freePort();
        this.conf = Files.createDirectories(dir.resolve("conf"));
        List<String> lines = new ArrayList<>(List.of(
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "rest.address: localhost",
                "rest.port: " + restPort,
                "taskmanager.host: localhost",
                "taskmanager.numberOfTaskSlots: " + slotsPerTaskManager,
                "heartbeat.interval: 500 ms",
                "heartbeat.timeout: 5 s",
                // inside the test's directory: the JobManager is killed, so it never deletes its upload directory
                "web.upload.dir: " + dir.resolve("web-upload")));
        lines.addAll(List.of(extraConf));
        Files.write(conf.resolve("flink-conf.yaml"), lines);
        Files.copy(BinScripts.HOME.resolve("conf/log4j2.properties"), conf.resolve("log4j2.properties"));
    }

    /** Starts the JobManager and {@code count} TaskManagers and waits until all registered. */
    StandaloneClusterProcesses start(int count) throws Exception {
        jobManager = run("jobmanager", "jobmanager.sh", "start-foreground");
        for (int i = 1; i <= count; i++) {
            startTaskManager("taskmanager-" + i);
        }
        awaitRest("/overview", overview -> overview.path("taskmanagers").asInt() == count, STARTUP);
        return this;
    }

    /** This cluster's configuration directory (flink-conf.yaml, log4j2.properties; a test may add workers). */
    Path confDir() {
        return conf;
    }

    int restPort() {
        return restPort;
    }

    /** Runs {@code bin/<script> args} with this cluster's configuration, output in {@code <dir>/<name>/}. */
    Process run(String name, String script, String... args) throws IOException {
        Path workDir = Files.createDirectories(dir.resolve(name));
        ProcessBuilder builder = BinScripts.script(script, workDir, conf, args);
        builder.environment().put("FLINK_PID_DIR", dir.toString()); // one pid directory for start and stop scripts
        Process process = builder
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile())
                .start();
        processes.add(process);
        return process;
    }

    /**
     * One more {@code bin/jobmanager.sh start-foreground} JVM with its REST API at {@code restPort}
     * (for high availability, where several run), output in {@code <dir>/<name>/}, not awaited.
     */
    Process startJobManager(String name, int restPort) throws IOException {
        return run(name, "jobmanager.sh", "start-foreground", "-D", "rest.port=" + restPort);
    }

    /**
     * One more {@code bin/taskmanager.sh start-foreground} JVM on a free control port (so
     * {@link #killTaskManager} finds it), output in {@code <dir>/<name>/}, not awaited.
     */
    Process startTaskManager(String name) throws IOException {
        int rpcPort = freePort();
        Process process = run(name, "taskmanager.sh", "start-foreground", "-D", "taskmanager.rpc.port=" + rpcPort);
        taskManagers.put(rpcPort, process);
        return process;
    }

    /** {@code PATCH /jobs/:jobid?mode=cancel}; fails unless the cluster accepted it (202). */
    void cancel(String jobId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + restPort + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new AssertionError("Cancelling " + jobId + " answered " + response.statusCode() + " " + response.body());
        }
    }

    /** {@code bin/flink run -m <this cluster> args} as process {@code name}. */
    Process flinkRun(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("run", "-m", "localhost:" + restPort));
        command.addAll(List.of(args));
        return run(name, "flink", command.toArray(String[]::new));
    }

    /** Exit code, stdout and stderr of a process started with {@link #run}, for assertion messages. */
    String output(String name, Process process) throws IOException {
        Path workDir = dir.resolve(name);
        return "exit " + process.exitValue() + "\n--- stdout:\n" + Files.readString(workDir.resolve("stdout.txt"))
                + "\n--- stderr:\n" + Files.readString(workDir.resolve("stderr.txt"));
    }

    /**
     * Kills (SIGKILL: no goodbye to anyone) the TaskManager whose REST id is {@code resourceId}.
     *
     * @return the killed TaskManager's REST entry
     */
    JsonNode killTaskManager(String resourceId) throws Exception {
        for (JsonNode tm : getRest("/taskmanagers").path("taskmanagers")) {
            if (tm.path("id").asText().equals(resourceId)) {
                String path = tm.path("path").asText();
                Process process = taskManagers.get(Integer.parseInt(path.substring(path.lastIndexOf(':') + 1)));
                process.destroyForcibly();
                process.waitFor(60, TimeUnit.SECONDS);
                return tm;
            }
        }
        throw new AssertionError("no TaskManager " + resourceId + " registered\n" + logs());
    }

    JsonNode getRest(String path) throws IOException, InterruptedException {
        return getRest(restPort, path);
    }

    /** GET of the REST API at {@code port} (one of several JobManagers); fails unless it answered 200. */
    JsonNode getRest(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls a REST path until its JSON satisfies {@code condition}; the answer that did. */
    JsonNode awaitRest(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        return awaitRest(restPort, path, condition, timeout);
    }

    /** Polls a REST path of the JobManager at {@code port} until its JSON satisfies {@code condition}. */
    JsonNode awaitRest(int port, String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (jobManager != null && !jobManager.isAlive()) {
                throw new AssertionError("the JobManager exited with " + jobManager.exitValue() + "\n" + logs());
            }
            try {
                JsonNode json = getRest(port, path);
                if (condition.test(json)) {
                    return json;
                }
                last = json.toString();
            } catch (IOException notThereYet) {
                last = notThereYet.toString();
            }
            Thread.sleep(200); // polling pace of an observable condition, not synchronisation
        }
        throw new AssertionError("GET " + path + " did not reach the expected state within " + timeout + "; last: " + last
                + "\n" + logs());
    }

    /** The JobManager's log file. */
    String jobManagerLog() throws IOException {
        return log("jobmanager");
    }

    /** The log file of the process started as {@code name}. */
    String log(String name) throws IOException {
        try (var files = Files.list(dir.resolve(name).resolve("log"))) {
            Path log = files.filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow();
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    /**
     * Every process's output and log files (their last 20,000 characters), for failure messages.
     * Only the processes' own directories are read: the rest (uploads, checkpoints) may change
     * while a running cluster is walked.
     */
    String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        List<Path> logFiles = new ArrayList<>();
        try (var processDirs = Files.list(dir)) {
            for (Path processDir : processDirs.filter(Files::isDirectory).toList()) {
                for (Path candidate : List.of(processDir.resolve("stdout.txt"), processDir.resolve("stderr.txt"))) {
                    if (Files.isRegularFile(candidate)) {
                        logFiles.add(candidate);
                    }
                }
                Path logDir = processDir.resolve("log");
                if (Files.isDirectory(logDir)) {
                    try (var logs = Files.list(logDir)) {
                        logs.filter(f -> f.toString().endsWith(".log")).forEach(logFiles::add);
                    }
                }
            }
        }
        for (Path file : logFiles) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            text.append("--- ").append(dir.relativize(file)).append(":\n")
                    .append(content.length() > 20_000 ? content.substring(content.length() - 20_000) : content)
                    .append('\n');
        }
        return text.toString();
    }

    /** Group 1 of {@code pattern}'s last match in {@code log} as a number (e.g. an id in a log line), or 0. */
    static long lastNumber(Pattern pattern, String log) {
        long last = 0;
        Matcher m = pattern.matcher(log);
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

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
