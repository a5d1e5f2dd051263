package org.millrace.yarn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.api.records.SignalContainerCommand;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.millrace.client.cli.CliFrontend;
import org.millrace.yarn.minicluster.LocalYarnCluster;

/**
 * A MiniDFSCluster and a MiniYARNCluster (real Hadoop daemons, in this JVM: {@link LocalYarnCluster})
 * for the module's tests, a Hadoop configuration directory pointing at them, and the framework JARs on HDFS for
 * {@code yarn.provided.lib.dirs}: the module's runtime class path, as dist/target/lib holds it.
 */
final class MiniYarnEnvironment implements AutoCloseable {

    private final LocalYarnCluster cluster;
    private final YarnClient yarnClient;
    private final Path hadoopConfDir;
    private final String libDir;
    final Duration startup;

    MiniYarnEnvironment(Path workDir, String name) throws Exception {
        long start = System.nanoTime();
        cluster = LocalYarnCluster.start(workDir, name, 6144);
        hadoopConfDir = cluster.writeHadoopConfDir(workDir.resolve("hadoop-conf"));
        yarnClient = YarnClient.createYarnClient();
        yarnClient.init(cluster.clientConfiguration());
        yarnClient.start();
        libDir = uploadFrameworkJars(workDir.resolve("lib"));
        startup = Duration.ofNanos(System.nanoTime() - start);
    }

    private String uploadFrameworkJars(Path localLib) throws IOException {
        Files.createDirectories(localLib);
        List<String> entries = new ArrayList<>(List.of(Files.readString(
                Paths.get(System.getProperty("millrace.runtime.classpath"))).strip().split(java.io.File.pathSeparator)));
        entries.add(System.getProperty("millrace.yarn.classes"));
        FileSystem fs = cluster.fileSystem();
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path("/millrace/lib");
        fs.mkdirs(target);
        for (String entry : entries) {
            Path path = Paths.get(entry);
            Path jar = Files.isDirectory(path) ? jarOf(path, localLib.resolve(path.getParent().getParent().getFileName()
                    + "-classes.jar")) : path;
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()), new org.apache.hadoop.fs.Path(target,
                    jar.getFileName().toString()));
        }
        return fs.makeQualified(target).toString();
    }

    /** A module's classes directory (when tests run before 'package') as a JAR. */
    private static Path jarOf(Path classes, Path jar) throws IOException {
        return jarOf(classes, jar, "");
    }

    /** The files under {@code classes} whose relative path starts with {@code prefix}, as a JAR. */
    static Path jarOf(Path classes, Path jar, String prefix) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> classes.relativize(f).toString().startsWith(prefix))::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The command-line settings a client needs to deploy to these clusters (small containers, this JDK). */
    Map<String, String> clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("env.hadoop.conf.dir", hadoopConfDir.toString());
        settings.put("yarn.provided.lib.dirs", libDir);
        settings.put("containerized.master.env.JAVA_HOME", System.getProperty("java.home"));
        settings.put("containerized.taskmanager.env.JAVA_HOME", System.getProperty("java.home"));
        settings.put("jobmanager.memory.process.size", "512m");
        settings.put("taskmanager.memory.process.size", "640m");
        settings.put("taskmanager.memory.network.max", "32mb");
        return settings;
    }

    /** What a {@code flink} command line run in this JVM printed, and its exit code. */
    record CliRun(int exitCode, String out, String err) {}

    /** Runs {@code flink <action> <this environment's -D settings> <args>} in this JVM. */
    CliRun flink(String action, String... args) {
        List<String> all = new ArrayList<>(List.of(action));
        all.addAll(dynamicProperties(Map.of()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CliFrontend(new PrintStream(out, true), new PrintStream(err, true), Map.of())
                .run(all.toArray(new String[0]));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code -D key=value} arguments for the settings plus extra ones. */
    List<String> dynamicProperties(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(clientSettings());
        all.putAll(extra);
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> args.add("-D" + k + "=" + v));
        return args;
    }

    FileSystem fileSystem() throws IOException {
        return cluster.fileSystem();
    }

    ApplicationReport report(ApplicationId id) throws Exception {
        return yarnClient.getApplicationReport(id);
    }

    /** Polls YARN until the application has ended (FINISHED, FAILED or KILLED). */
    ApplicationReport awaitEnd(ApplicationId id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ApplicationReport report = report(id);
            YarnApplicationState state = report.getYarnApplicationState();
            if (state == YarnApplicationState.FINISHED || state == YarnApplicationState.FAILED
                    || state == YarnApplicationState.KILLED) {
                return report;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Application " + id + " still " + state + " after " + timeout);
            }
            Thread.sleep(200); // polling pace
        }
    }

    Set<ApplicationId> applicationIds() throws Exception {
        return yarnClient.getApplications().stream().map(ApplicationReport::getApplicationId).collect(Collectors.toSet());
    }

    /** The one application submitted since {@code before} was taken. */
    ApplicationId newApplication(Set<ApplicationId> before) throws Exception {
        Set<ApplicationId> added = applicationIds();
        added.removeAll(before);
        if (added.size() != 1) {
            throw new AssertionError("Expected one new application, found " + added);
        }
        return added.iterator().next();
    }

    /** The running containers of an application other than its ApplicationMaster's (the TaskManagers'). */
    Set<ContainerId> taskManagerContainers(ApplicationId id) throws Exception {
        ApplicationAttemptId attempt = report(id).getCurrentApplicationAttemptId();
        return yarnClient.getContainers(attempt).stream().map(ContainerReport::getContainerId)
                .filter(c -> c.getContainerId() != 1).collect(Collectors.toSet());
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code timeout}. */
    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            Thread.sleep(100); // polling pace
        }
    }

    /** Whether the application's staging directory (under the user's home) exists. */
    boolean stagingDirectoryExists(ApplicationId id) throws IOException {
        FileSystem fs = cluster.fileSystem();
        return fs.exists(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".millrace/" + id));
    }

    /** The application's ApplicationMaster attempts so far. */
    List<ApplicationAttemptReport> attempts(ApplicationId id) throws Exception {
        return yarnClient.getApplicationAttempts(id);
    }

    /** The container of the application's current ApplicationMaster attempt. */
    ContainerId applicationMasterContainer(ApplicationId id) throws Exception {
        return yarnClient.getApplicationAttemptReport(report(id).getCurrentApplicationAttemptId()).getAMContainerId();
    }

    /**
     * The JVM running in a container of this machine's NodeManager, found by the container id in its
     * command line (the container's log directory is part of it).
     */
    static ProcessHandle containerJvm(ContainerId container) {
        List<ProcessHandle> jvms = ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(args -> args.length > 0 && String.join(" ", args).contains(container.toString())
                        && p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .orElse(false)).toList();
        if (jvms.size() != 1) {
            throw new AssertionError("Expected one JVM of container " + container + ", found " + jvms);
        }
        return jvms.get(0);
    }

    /** Kills the application through YARN ({@code yarn application -kill}) and waits until it has ended. */
    void kill(ApplicationId id) throws Exception {
        yarnClient.killApplication(id);
        awaitEnd(id, Duration.ofSeconds(60));
    }

    /** Kills a container's process as the NodeManager would (SIGKILL). */
    void killContainer(ContainerId container) throws Exception {
        yarnClient.signalToContainer(container, SignalContainerCommand.FORCEFUL_SHUTDOWN);
    }

    @Override
    public void close() {
        yarnClient.stop();
        cluster.close();
    }
}
