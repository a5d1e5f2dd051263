package org.millrace.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.cluster.TaskManagerRunner;
import org.millrace.runtime.entrypoint.StandaloneSessionClusterEntrypoint;
import org.millrace.runtime.rest.http.FileTrees;

/**
 * A standalone session cluster on loopback for the exchange benchmark: the JobManager in this JVM,
 * and two TaskManagers with one slot each, each in a JVM of its own started with this JVM's class
 * path (so they load the benchmark's functions as framework classes). A job whose source and sink
 * are in different slot-sharing groups therefore exchanges every record between the two TaskManager
 * JVMs over the shuffle's Netty connection. {@link #close()} stops the TaskManager JVMs, their
 * descendants, and the JobManager.
 */
final class LoopbackCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final Path directory;
    private final int restPort;
    private final StandaloneSessionClusterEntrypoint jobManager;
    private final List<Process> taskManagers = new ArrayList<>();

    /**
     * @param taskManagerJavaOptions JVM options of the TaskManagers, e.g. {@code -Xmx2g}
     * @param extraConfiguration options for every process, e.g. {@code taskmanager.memory.network.max}
     */
    LoopbackCluster(List<String> taskManagerJavaOptions, Map<String, String> extraConfiguration) throws Exception {
        this.directory = Files.createTempDirectory("millrace-exchange-benchmark-");
        this.restPort = freePort();
        Configuration configuration = new Configuration();
        configuration.setString("jobmanager.rpc.address", "localhost");
        configuration.setString("jobmanager.rpc.port", String.valueOf(freePort()));
        configuration.setString("rest.address", "localhost");
        configuration.setString("rest.port", String.valueOf(restPort));
        configuration.setString("taskmanager.host", "localhost");
        configuration.setString("taskmanager.numberOfTaskSlots", "1");
        extraConfiguration.forEach(configuration::setString);
        StringBuilder yaml = new StringBuilder();
        configuration.toMap().forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        Files.writeString(directory.resolve("flink-conf.yaml"), yaml);

        jobManager = new StandaloneSessionClusterEntrypoint(configuration);
        try {
            jobManager.start();
            for (int i = 1; i <= 2; i++) {
                taskManagers.add(startTaskManager(i, taskManagerJavaOptions));
            }
            awaitTaskManagers(2);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private Process startTaskManager(int index, List<String> javaOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TaskManagerRunner.class.getName(),
                "--configDir", directory.toString()));
        Path output = directory.resolve("taskmanager-" + index + ".out");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private void awaitTaskManagers(int expected) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (jobManager.getDispatcher().requestTaskManagers().get().size() < expected) {
            for (Process taskManager : taskManagers) {
                if (!taskManager.isAlive()) {
                    throw new IOException("A TaskManager exited with " + taskManager.exitValue() + ":\n" + outputs());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("The TaskManagers did not register within " + STARTUP + ":\n" + outputs());
            }
            Thread.sleep(100); // polling pace of an observable condition
        }
    }

    /** What the TaskManager JVMs printed, for error messages. */
    String outputs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= taskManagers.size(); i++) {
            text.append("--- TaskManager ").append(i).append(":\n")
                    .append(Files.readString(directory.resolve("taskmanager-" + i + ".out")));
        }
        return text.toString();
    }

    /** The client options of a job submitted to this cluster ({@code execution.target: remote}). */
    Configuration clientConfiguration() {
        Configuration configuration = new Configuration();
        configuration.setString("execution.target", "remote");
        configuration.setString("rest.address", "localhost");
        configuration.setString("rest.port", String.valueOf(restPort));
        return configuration;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process taskManager : taskManagers) {
            taskManager.descendants().forEach(ProcessHandle::destroyForcibly);
            taskManager.destroy();
        }
        for (Process taskManager : taskManagers) {
            if (!taskManager.waitFor(30, TimeUnit.SECONDS)) {
                taskManager.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        jobManager.close();
        try {
            FileTrees.deleteRecursively(directory);
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }
}
