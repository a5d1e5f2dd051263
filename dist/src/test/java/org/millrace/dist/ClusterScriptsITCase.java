package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/start-cluster.sh} and {@code bin/stop-cluster.sh} as an operator uses them: with two
 * {@code localhost} workers they start three JVMs in the background, a WordCount submitted with
 * {@code bin/flink run -m} gives exact counts and shows up in {@code bin/flink list -a}, and
 * stopping leaves no JVM behind.
 */
@Timeout(600)
class ClusterScriptsITCase {

    private static final Pattern SUBMITTED = Pattern.compile("(?m)^Job has been submitted with JobID ([0-9a-f]{32})$");

    @TempDir
    Path tmp;

    @Test
    void startClusterRunsAJobAndStopClusterLeavesNoJvmBehind() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(tmp, 2)) {
            Files.writeString(cluster.confDir().resolve("workers"), "# two TaskManagers on this host\nlocalhost\nlocalhost\n");
            Process start = cluster.run("start", "start-cluster.sh");
            assertTrue(start.waitFor(2, TimeUnit.MINUTES), cluster.logs());
            assertEquals(0, start.exitValue(), cluster.output("start", start));
            pids.addAll(pidsIn(tmp));
            assertEquals(3, pids.size(), "pid files: " + pids + "\n" + cluster.output("start", start));
            cluster.awaitRest("/overview", json -> json.path("taskmanagers").asInt() == 2, StandaloneClusterProcesses.STARTUP);

            Path input = WordCountFiles.writeInput(tmp);
            Path output = tmp.resolve("counts");
            Process run = cluster.flinkRun("run", "-p", "3", BinScripts.exampleJar("WordCount"),
                    "--input", input.toString(), "--output", output.toString());
            assertTrue(run.waitFor(5, TimeUnit.MINUTES), cluster.logs());
            String runOutput = cluster.output("run", run);
            assertEquals(0, run.exitValue(), runOutput + "\n" + cluster.logs());
            assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(WordCountFiles.outputFiles(output)));
            Matcher submitted = SUBMITTED.matcher(runOutput);
            assertTrue(submitted.find(), runOutput);

            Process list = cluster.run("list", "flink", "list", "-a", "-m", "localhost:" + cluster.restPort());
            assertTrue(list.waitFor(2, TimeUnit.MINUTES));
            String listed = cluster.output("list", list);
            assertEquals(0, list.exitValue(), listed);
            assertTrue(listed.contains(" : " + submitted.group(1) + " : ") && listed.contains("(FINISHED)"), listed);

            Process stop = cluster.run("stop", "stop-cluster.sh");
            assertTrue(stop.waitFor(2, TimeUnit.MINUTES), cluster.logs());
            assertEquals(0, stop.exitValue(), cluster.output("stop", stop));
            for (long pid : pids) {
                Optional<ProcessHandle> jvm = ProcessHandle.of(pid);
                if (jvm.isPresent()) {
                    jvm.get().onExit().get(1, TimeUnit.MINUTES);
                }
            }
        } finally {
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // only if an assertion failed
            }
        }
    }

    /** The pids in the daemons' pid files ({@code FLINK_PID_DIR} is the cluster's directory). */
    static List<Long> pidsIn(Path pidDir) throws Exception {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(pidDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.trim()));
                    }
                }
            }
        }
        return pids;
    }
}
