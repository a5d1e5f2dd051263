package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.client.cli.CliFrontend;
import org.millrace.yarn.client.YarnSessionCli;

/**
 * A session started with {@code yarn-session.sh}'s code on MiniYARNCluster + MiniDFSCluster runs
 * WordCount twice on the same TaskManager container, submitted by {@code flink run} with
 * {@code -Dexecution.target=yarn-session -Dyarn.application.id=...} and then with no target (found
 * through the properties file); {@code flink list -a} (no target either) shows both; the idle
 * container is then given back; {@code stop} ends the session and removes its staging directory.
 */
@ExtendWith(SharedMiniYarn.class)
class YarnSessionITCase {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path tmp;

    @Test
    void wordCountInASessionGivesExactCountsTwiceOnTheSameContainer(MiniYarnEnvironment yarn) throws Exception {
        Path properties = Files.createDirectories(tmp.resolve("properties"));
        Map<String, String> sessionSettings = Map.of("yarn.properties-file.location", properties.toString());
        ByteArrayOutputStream sessionOut = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", "-nm", "wordcount-session", "-s", "2"));
        // long enough for the second job to find the first one's TaskManager, short enough to see it go after both
        args.addAll(yarn.dynamicProperties(Map.of("yarn.properties-file.location", properties.toString(),
                "resourcemanager.taskmanager-timeout", IDLE_TIMEOUT.toSeconds() + " s", "yarn.tags", "nightly, wordcount",
                "yarn.application.priority", "3")));
        long submitted = System.nanoTime();
        int exit = new YarnSessionCli(new PrintStream(sessionOut, true), System.err, Map.of(),
                new ByteArrayInputStream(new byte[0])).run(args.toArray(new String[0]));
        String printed = sessionOut.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        System.out.println("YARN session RUNNING " + (System.nanoTime() - submitted) / 1_000_000 + " ms after submission");
        assertTrue(printed.contains("YARN application has been deployed successfully."), printed);
        Properties written = new Properties();
        try (var in = Files.newBufferedReader(properties.resolve(".yarn-properties-" + System.getProperty("user.name")))) {
            written.load(in);
        }
        String applicationId = written.getProperty("applicationID");
        ApplicationId id = ApplicationId.fromString(applicationId);
        assertTrue(printed.contains("Submitting application master " + applicationId), printed);
        ApplicationReport report = yarn.report(id);
        assertEquals("wordcount-session", report.getName());
        assertEquals(Set.of("nightly", "wordcount"), report.getApplicationTags());
        assertEquals("Millrace", report.getApplicationType());
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(
                yarn.fileSystem().getHomeDirectory(), ".millrace/" + applicationId);
        assertTrue(yarn.fileSystem().exists(staging), "staging directory " + staging);

        Path input = WordCountCounts.writeInput(tmp, 2_000);
        long firstJob = System.nanoTime();
        runWordCount(yarn, Map.of("execution.target", "yarn-session", "yarn.application.id", applicationId), input,
                tmp.resolve("counts-1"));
        System.out.println("First WordCount in the session took " + (System.nanoTime() - firstJob) / 1_000_000
                + " ms, including requesting, starting and registering its TaskManager container");
        Set<ContainerId> containersAfterFirst = yarn.taskManagerContainers(id);
        // no target: the session of the properties file, as after 'yarn-session.sh -d'
        runWordCount(yarn, Map.of("yarn.properties-file.location", properties.toString()), input, tmp.resolve("counts-2"));
        assertEquals(containersAfterFirst, yarn.taskManagerContainers(id), "the second job reuses the TaskManager container");
        assertEquals(1, containersAfterFirst.size(), "one TaskManager of 2 slots for parallelism 2");

        ByteArrayOutputStream listOut = new ByteArrayOutputStream();
        List<String> listArgs = new ArrayList<>(List.of("list", "-a"));
        listArgs.addAll(yarn.dynamicProperties(Map.of("yarn.properties-file.location", properties.toString())));
        assertEquals(0, new CliFrontend(new PrintStream(listOut, true), System.err, Map.of())
                .run(listArgs.toArray(new String[0])));
        String listed = listOut.toString(StandardCharsets.UTF_8);
        assertEquals(2, listed.lines().filter(line -> line.endsWith(": WordCount (FINISHED)")).count(), listed);

        long idleSince = System.nanoTime();
        long deadline = idleSince + IDLE_TIMEOUT.multipliedBy(6).toNanos();
        while (!yarn.taskManagerContainers(id).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "idle TaskManager container still there: " + yarn.taskManagerContainers(id));
            Thread.sleep(200); // polling pace
        }
        System.out.println("Idle TaskManager container given back " + (System.nanoTime() - idleSince) / 1_000_000
                + " ms after the last job (resourcemanager.taskmanager-timeout " + IDLE_TIMEOUT.toSeconds() + " s)");

        ByteArrayOutputStream stopOut = new ByteArrayOutputStream();
        List<String> stopArgs = new ArrayList<>(List.of("-id", applicationId));
        stopArgs.addAll(yarn.dynamicProperties(sessionSettings));
        exit = new YarnSessionCli(new PrintStream(stopOut, true), System.err, Map.of(),
                new ByteArrayInputStream("stop\n".getBytes(StandardCharsets.UTF_8))).run(stopArgs.toArray(new String[0]));
        assertEquals(0, exit, stopOut.toString(StandardCharsets.UTF_8));
        ApplicationReport end = yarn.awaitEnd(id, Duration.ofSeconds(60));
        assertEquals(YarnApplicationState.KILLED, end.getYarnApplicationState());
        assertEquals(FinalApplicationStatus.KILLED, end.getFinalApplicationStatus());
        assertFalse(yarn.fileSystem().exists(staging), "staging directory removed");
        assertFalse(Files.exists(properties.resolve(".yarn-properties-" + System.getProperty("user.name"))));
    }

    private static void runWordCount(MiniYarnEnvironment yarn, Map<String, String> target, Path input, Path output) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "-p", "2"));
        args.addAll(yarn.dynamicProperties(target));
        args.addAll(List.of(Paths.get(System.getProperty("millrace.examples.dir"), "WordCount.jar").toString(),
                "--input", input.toString(), "--output", output.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CliFrontend(new PrintStream(out, true), new PrintStream(err, true), Map.of())
                .run(args.toArray(new String[0]));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Job Runtime:"), out.toString(StandardCharsets.UTF_8));
        assertEquals(WordCountCounts.expected(input), WordCountCounts.read(output));
    }
}
