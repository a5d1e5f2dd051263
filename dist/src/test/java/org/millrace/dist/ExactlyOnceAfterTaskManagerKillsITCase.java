package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.testing.ExactlyOnceCountingProgram;
import org.millrace.testing.ExactlyOnceOutput;
import org.millrace.testing.Pacer;
import org.millrace.testing.TestJars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once end to end with real TaskManager JVMs: {@link ExactlyOnceCountingProgram} (a replayable
 * source, keyed counters in {@code ValueState}, the two-phase-commit file sink) runs on three
 * TaskManagers while the test kills one that runs its tasks (SIGKILL) {@link #KILLS} times at random
 * moments — each time once the job runs again and completed a further checkpoint — and starts a
 * replacement. After the job finished, the committed files hold every record exactly once: per key the
 * number of records, the sum of their values and the running counts {@code 1..n} are the expected
 * ones, and a reader sees no uncommitted file. The seed of the random moments is logged; set
 * {@code -Dmillrace.test.seed=<seed>} to repeat a run's choices. Runs once per keyed state backend.
 */
@Timeout(900)
class ExactlyOnceAfterTaskManagerKillsITCase {

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceAfterTaskManagerKillsITCase.class);

    private static final int RECORDS = 60_000;
    private static final int KEYS = 50;
    private static final int PARALLELISM = 2;
    /** Per source subtask: without failures the job runs RECORDS / PARALLELISM / RATE = 30 s. */
    private static final int RATE = 1_000;
    private static final int CHECKPOINT_INTERVAL_MILLIS = 400;
    private static final int KILLS = 5;
    private static final Duration RECOVERY = Duration.ofMinutes(2);
    private static final Pattern COMPLETED_CHECKPOINT = Pattern.compile("Completed checkpoint \\d+ of job");
    private static final Pattern RESTART = Pattern.compile("Restart (\\d+) of job");

    @TempDir
    Path tmp;

    /** The heap, and RocksDB with incremental checkpoints (its files on the TaskManagers' local disk, the SSTs shared). */
    @ParameterizedTest(name = "state.backend.type: {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void everyRecordCommittedExactlyOnceDespiteTaskManagerKills(String backend) throws Exception {
        long seed = Long.getLong("millrace.test.seed", System.nanoTime());
        LOG.info("Random kill moments with seed {}", seed);
        System.out.println("ExactlyOnceAfterTaskManagerKillsITCase seed: " + seed);
        Random random = new Random(seed);
        Path output = tmp.resolve("out");
        Path jar = TestJars.programJar(tmp.resolve("exactly-once-counting.jar"), ExactlyOnceCountingProgram.class,
                Pacer.class);
        // the cluster's directory apart from the checkpoints, whose files come and go while logs() walks it
        try (StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(tmp.resolve("cluster"), 2,
                "state.checkpoints.dir: " + tmp.resolve("checkpoints").toUri(),
                "cluster.evenly-spread-out-slots: true", // the keyed exchange crosses JVMs
                "restart-strategy.type: fixed-delay",
                "restart-strategy.fixed-delay.attempts: 20",
                "restart-strategy.fixed-delay.delay: 200 ms",
                "state.backend.type: " + backend,
                "state.backend.incremental: true",
                "state.backend.rocksdb.localdir: " + tmp.resolve("rocksdb-local"))) {
            cluster.start(3);

            long start = System.nanoTime();
            Process client = cluster.flinkRun("client", "-p", String.valueOf(PARALLELISM), jar.toString(),
                    "--records", String.valueOf(RECORDS), "--keys", String.valueOf(KEYS), "--rate", String.valueOf(RATE),
                    "--checkpoint-interval", String.valueOf(CHECKPOINT_INTERVAL_MILLIS), "--output", output.toUri().toString());
            String jobId = cluster.awaitRest("/jobs/overview", json -> json.path("jobs").size() == 1,
                    StandaloneClusterProcesses.STARTUP).path("jobs").get(0).path("jid").asText();
            Set<String> hosts = awaitRunningAgain(cluster, jobId, null, 0);
            List<Long> recoveryMillis = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                awaitCheckpointsAfter(cluster, completedCheckpoints(cluster) + 1 + random.nextInt(3));
                Thread.sleep(random.nextInt(CHECKPOINT_INTERVAL_MILLIS)); // the random moment of the kill, not synchronisation
                String victim = new ArrayList<>(hosts).get(random.nextInt(hosts.size()));
                long killedAt = System.currentTimeMillis();
                long killNanos = System.nanoTime();
                cluster.killTaskManager(victim);
                cluster.startTaskManager("taskmanager-replacement-" + kill);
                hosts = awaitRunningAgain(cluster, jobId, victim, killedAt);
                recoveryMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killNanos));
                LOG.info("Kill {}: TaskManager {} killed, job running again after {} ms on {}", kill, victim,
                        recoveryMillis.get(kill - 1), hosts);
                System.out.println("ExactlyOnceAfterTaskManagerKillsITCase kill " + kill + ": TaskManager " + victim
                        + ", job running again after " + recoveryMillis.get(kill - 1) + " ms on " + hosts);
            }

            assertTrue(client.waitFor(5, TimeUnit.MINUTES), "bin/flink run did not finish\n" + cluster.logs());
            long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(0, client.exitValue(), cluster.output("client", client) + "\n" + cluster.logs());
            long restarts = StandaloneClusterProcesses.lastNumber(RESTART, cluster.jobManagerLog()); // the last one logged
            String figures = backend + ": run time " + runMillis + " ms, " + restarts + " restarts, " + completedCheckpoints(cluster)
                    + " completed checkpoints, kill to running again (ms): " + recoveryMillis + ", seed " + seed;
            LOG.info("Exactly-once after TaskManager kills: {}", figures);
            System.out.println("ExactlyOnceAfterTaskManagerKillsITCase: " + figures);
            assertTrue(restarts >= KILLS, "every kill restarts the job: " + figures);

            ExactlyOnceOutput.assertEveryRecordCommittedOnce(ExactlyOnceOutput.committedFiles(output), RECORDS, KEYS);
            // RocksDB backends work below their local directory (killed TaskManagers leave theirs); the heap never does
            assertEquals(backend.equals("rocksdb"), Files.isDirectory(tmp.resolve("rocksdb-local")),
                    "RocksDB working directories below " + tmp.resolve("rocksdb-local"));
        }
    }

    /**
     * Polls until the job is RUNNING with every subtask RUNNING, none on {@code victim}, after a restart
     * that began at or after {@code sinceMillis} (JobManager clock, the same machine's); the TaskManagers
     * that run the subtasks.
     */
    private static Set<String> awaitRunningAgain(StandaloneClusterProcesses cluster, String jobId, String victim,
                                                 long sinceMillis) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            JsonNode job = cluster.getRest("/jobs/" + jobId);
            last = job.toString();
            assertFalse(job.path("state").asText().equals("FINISHED"), "the job finished before all " + KILLS
                    + " kills; make it run longer\n" + last);
            if (job.path("state").asText().equals("RUNNING")
                    && job.path("timestamps").path("RESTARTING").asLong() >= sinceMillis) {
                Set<String> hosts = runningTaskManagers(cluster, jobId, job);
                if (hosts != null && (victim == null || !hosts.contains(victim))) {
                    return hosts;
                }
            }
            Thread.sleep(100); // polling pace of an observable condition, not synchronisation
        }
        throw new AssertionError("job " + jobId + " not running again within " + RECOVERY + "; last: " + last + "\n"
                + cluster.logs());
    }

    /** The TaskManagers of the job's subtasks if every one is RUNNING, else null. */
    private static Set<String> runningTaskManagers(StandaloneClusterProcesses cluster, String jobId, JsonNode job)
            throws Exception {
        Set<String> hosts = new TreeSet<>();
        for (JsonNode vertex : job.path("vertices")) {
            JsonNode details = cluster.getRest("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText());
            for (JsonNode subtask : details.path("subtasks")) {
                if (!subtask.path("status").asText().equals("RUNNING")) {
                    return null;
                }
                hosts.add(subtask.path("taskmanager-id").asText());
            }
        }
        return hosts.isEmpty() ? null : hosts;
    }

    /** Polls the JobManager's log until it reports at least {@code count} completed checkpoints. */
    private static void awaitCheckpointsAfter(StandaloneClusterProcesses cluster, int count) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (completedCheckpoints(cluster) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " completed checkpoints within " + RECOVERY + "\n"
                        + cluster.logs());
            }
            Thread.sleep(100); // polling pace of an observable condition, not synchronisation
        }
    }

    private static int completedCheckpoints(StandaloneClusterProcesses cluster) throws IOException {
        return (int) COMPLETED_CHECKPOINT.matcher(cluster.jobManagerLog()).results().count();
    }

}
