package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.millrace.testing.TestJars;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Region failover across JVMs: a BATCH job with blocking exchanges on shared storage loses a
 * TaskManager (SIGKILL) in its second stage; with a fixed-delay restart strategy and a spare
 * TaskManager, only the lost subtasks run again — reading the first stage's output from the shared
 * storage, though one of its writers is dead — and the counts are exact.
 */
@Timeout(600)
class StandaloneClusterFailoverITCase {

    private static final Pattern RESTART_LINE = Pattern.compile("Restart \\d+ of job [^:]+: \\d+ of \\d+ subtasks in \\d+ ms: \\[(.*)]");

    @TempDir
    Path tmp;

    @Test
    void batchJobSurvivesAKilledTaskManagerRestartingOnlyTheLostRegions() throws Exception {
        Path storage = Files.createDirectories(tmp.resolve("shuffle-storage"));
        Path input = WordCountFiles.writeInput(tmp);
        Path output = tmp.resolve("counts");
        Path gate = tmp.resolve("gate");
        Path jar = TestJars.programJar(tmp.resolve("gated.jar"), GatedBatchWordCount.class);
        try (StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(tmp, 2,
                "restart-strategy.type: fixed-delay",
                "restart-strategy.fixed-delay.attempts: 3",
                "restart-strategy.fixed-delay.delay: 1 s",
                "shuffle.blocking.storage: " + storage.toUri())) {
            cluster.start(3); // 6 slots: the job takes 4, 2 are spare

            Process client = cluster.flinkRun("client", "-p", "4", jar.toString(), "--input", input.toString(),
                    "--output", output.toString(), "--gate", gate.toString());
            JsonNode gated = awaitGatedStage(cluster, subtask -> subtask.path("status").asText().equals("RUNNING"));
            assertTrue(filesBelow(storage) > 0, "the first stage's output is on the shared storage while the job runs");
            String victim = gated.path("subtasks").get(0).path("taskmanager-id").asText();
            Set<Integer> lostSubtasks = new HashSet<>();
            for (JsonNode subtask : gated.path("subtasks")) {
                if (subtask.path("taskmanager-id").asText().equals(victim)) {
                    lostSubtasks.add(subtask.path("subtask").asInt());
                }
            }

            cluster.killTaskManager(victim);

            awaitGatedStage(cluster, subtask -> subtask.path("status").asText().equals("RUNNING")
                    && !subtask.path("taskmanager-id").asText().equals(victim)
                    && (subtask.path("attempt").asInt() > 0) == lostSubtasks.contains(subtask.path("subtask").asInt()));
            Files.createFile(gate);
            assertTrue(client.waitFor(5, TimeUnit.MINUTES), "bin/flink run did not finish\n" + cluster.logs());
            String result = cluster.output("client", client);
            assertEquals(0, client.exitValue(), result + "\n" + cluster.logs());

            assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(WordCountFiles.outputFiles(output)));
            List<String> restarted = restartedSubtasks(cluster.jobManagerLog());
            assertFalse(restarted.isEmpty(), "no restart logged\n" + cluster.jobManagerLog());
            for (String name : restarted) {
                assertTrue(name.contains(GatedBatchWordCount.GATE_OPERATOR), "restarted beyond the lost region: " + restarted);
            }
            assertEquals(lostSubtasks.size(), new HashSet<>(restarted).size(), "restarted: " + restarted);
            cluster.awaitRest("/overview", json -> json.path("slots-available").asInt() == 4, Duration.ofMinutes(1));
            awaitNoFilesBelow(storage);
        }
    }

    /** The vertex of the gated stage once every one of its subtasks satisfies {@code condition}. */
    private static JsonNode awaitGatedStage(StandaloneClusterProcesses cluster,
                                            java.util.function.Predicate<JsonNode> condition) throws Exception {
        JsonNode jobs = cluster.awaitRest("/jobs/overview", json -> json.path("jobs").size() == 1,
                StandaloneClusterProcesses.STARTUP);
        String jobId = jobs.path("jobs").get(0).path("jid").asText();
        JsonNode job = cluster.awaitRest("/jobs/" + jobId, json -> gatedVertex(json) != null, StandaloneClusterProcesses.STARTUP);
        String vertexId = gatedVertex(job).path("id").asText();
        return cluster.awaitRest("/jobs/" + jobId + "/vertices/" + vertexId, vertex -> {
            for (JsonNode subtask : vertex.path("subtasks")) {
                if (!condition.test(subtask)) {
                    return false;
                }
            }
            return vertex.path("subtasks").size() == 4;
        }, StandaloneClusterProcesses.STARTUP);
    }

    private static JsonNode gatedVertex(JsonNode job) {
        for (JsonNode vertex : job.path("vertices")) {
            if (vertex.path("name").asText().contains(GatedBatchWordCount.GATE_OPERATOR)) {
                return vertex;
            }
        }
        return null;
    }

    /** The subtask names of every restart the JobMaster logged. */
    private static List<String> restartedSubtasks(String log) {
        List<String> names = new ArrayList<>();
        Matcher m = RESTART_LINE.matcher(log);
        while (m.find()) {
            for (String name : m.group(1).split(", (?=[A-Z])")) {
                names.add(name.trim());
            }
        }
        return names;
    }

    private static long filesBelow(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void awaitNoFilesBelow(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (filesBelow(dir) > 0) {
            assertTrue(System.nanoTime() < deadline, "blocking partition files left in " + dir);
            Thread.sleep(100); // polling pace for the TaskManagers' asynchronous release, not synchronisation
        }
    }
}
