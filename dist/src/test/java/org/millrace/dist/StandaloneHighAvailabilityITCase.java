package org.millrace.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.runtime.highavailability.LeaderAddress;
import org.millrace.shuffle.hadoop.MiniDfs;
import org.millrace.testing.ExactlyOnceCountingProgram;
import org.millrace.testing.ExactlyOnceOutput;
import org.millrace.testing.JobJson;
import org.millrace.testing.Pacer;
import org.millrace.testing.TestJars;

/**
 * JobManager high availability across real JVMs: a ZooKeeper (Curator's TestingServer in this JVM),
 * a {@code high-availability.storageDir} (on HDFS, a MiniDFSCluster in this JVM, for the kills;
 * {@code file://} otherwise), two JobManagers and two TaskManagers started through
 * {@code bin/}. A gated BATCH word count is submitted with {@code bin/flink run} and no {@code -m}
 * (the client finds the leader in ZooKeeper, and follows the job to each new leader); the leader is
 * killed (SIGKILL) while the job runs, a standby takes over and runs the job again under the same JobID, and the result is exact.
 * The same with the checkpointed streaming {@link ExactlyOnceCountingProgram} (checkpoints on HDFS
 * too), killing the leader or restarting ZooKeeper: each new leader restores the newest checkpoint
 * and the committed output holds every record exactly once. Also:
 * a ZooKeeper restart never lets two JobManagers lead at once, and {@code start-cluster.sh} /
 * {@code stop-cluster.sh} start and stop every JobManager of {@code conf/masters}.
 */
@Timeout(900)
class StandaloneHighAvailabilityITCase {

    private static final String CLUSTER_ID = "/ha-it";
    private static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*$",
            Pattern.MULTILINE);
    private static final Pattern RESTORED_CHECKPOINT = Pattern.compile("Restoring from checkpoint (\\d+) at");
    /** The exactly-once job: 2 subtasks at 1,000 records/s each run 40 s without failures. */
    private static final int EXACTLY_ONCE_RECORDS = 80_000;
    private static final int EXACTLY_ONCE_KEYS = 50;
    private static final int EXACTLY_ONCE_RATE = 1_000;
    private static final int EXACTLY_ONCE_CHECKPOINT_INTERVAL_MILLIS = 500;
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    @TempDir
    Path tmp;

    private TestingServer zooKeeper;
    private CuratorFramework client;

    @BeforeEach
    void startZooKeeper() throws Exception {
        // tick 500 ms, so sessions may be as short as 1 s: a killed leader's session ends within the 4 s configured
        zooKeeper = new TestingServer(new InstanceSpec(Files.createDirectories(tmp.resolve("zookeeper")).toFile(), -1, -1,
                -1, true, -1, 500, -1), true);
        client = CuratorFrameworkFactory.builder().connectString(zooKeeper.getConnectString())
                .retryPolicy(new RetryOneTime(200)).namespace("flink" + CLUSTER_ID).build();
        client.start();
    }

    @AfterEach
    void stopZooKeeper() throws Exception {
        client.close();
        zooKeeper.close();
    }

    @Test
    void jobSurvivesLeaderJobManagerKills() throws Exception {
        Path input = WordCountFiles.writeInput(tmp);
        Path output = tmp.resolve("counts");
        Path gate = tmp.resolve("gate");
        Path jar = TestJars.programJar(tmp.resolve("gated.jar"), GatedBatchWordCount.class);
        try (MiniDfs hdfs = MiniDfs.start(tmp.resolve("minidfs"));
             StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(tmp, 2,
                     haConfiguration(hdfs.uri() + "/flink/ha"))) {
            Map<Integer, JobManagerJvm> jobManagers = new LinkedHashMap<>();
            Leader leadership = startTwoJobManagersAndTwoTaskManagers(cluster, jobManagers);
            LeaderAddress leader = leadership.address();
            int leaderPort = restPort(leader);
            int standbyPort = jobManagers.keySet().stream().filter(p -> p != leaderPort).findFirst().orElseThrow();
            Process refused = cluster.run("client-at-standby", "flink", "run", "-d", "-m", "localhost:" + standbyPort,
                    jar.toString(), "--input", input.toString(), "--output", output.toString(), "--gate", gate.toString());
            assertTrue(refused.waitFor(3, TimeUnit.MINUTES), "bin/flink run at the standby did not return");
            String refusal = cluster.output("client-at-standby", refused);
            assertNotEquals(0, refused.exitValue(), refusal);
            assertTrue(refusal.contains("not the leader") && refusal.contains(leader.restBaseUrl()), refusal);

            // attached: the client follows the job from leader to leader
            Process client = cluster.run("client", "flink", "run", "-p", "2", jar.toString(), "--input",
                    input.toString(), "--output", output.toString(), "--gate", gate.toString());
            String jobId = cluster.awaitRest(restPort(leader), "/jobs/overview", json -> json.path("jobs").size() == 1,
                    StandaloneClusterProcesses.STARTUP).path("jobs").get(0).path("jid").asText();
            awaitGatedStageRunning(cluster, leader, jobId);

            List<Long> recoveryMillis = new ArrayList<>();
            for (int kill = 1; kill <= 3; kill++) {
                long killedAt = killLeaderAndStartStandby(cluster, jobManagers, leader, "jobmanager-restarted-" + kill);
                leadership = awaitLeadership(cluster, leadership);
                long electedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                LeaderAddress next = leadership.address();
                assertNotEquals(leader.restBaseUrl(), next.restBaseUrl());
                awaitGatedStageRunning(cluster, next, jobId);
                recoveryMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
                System.out.printf("HA recovery %d: leader %s killed -> new leader %s published after %d ms -> job %s"
                        + " RUNNING again after %d ms%n", kill, leader.restBaseUrl(), next.restBaseUrl(), electedMillis,
                        jobId, recoveryMillis.get(kill - 1));
                leader = next;
            }

            Files.createFile(gate);
            cluster.awaitRest(restPort(leader), "/jobs/" + jobId, json -> json.path("state").asText().equals("FINISHED"),
                    Duration.ofMinutes(5));
            assertTrue(client.waitFor(3, TimeUnit.MINUTES), "bin/flink run did not return\n" + cluster.logs());
            String clientOutput = cluster.output("client", client);
            assertEquals(0, client.exitValue(), clientOutput + "\n" + cluster.logs());
            assertTrue(clientOutput.contains(jobId), clientOutput);
            assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(WordCountFiles.outputFiles(output)));
            System.out.println("HA recovery times (ms): " + recoveryMillis);
            awaitNoStoredJobs();
            assertFalse(hdfs.cluster().getFileSystem().exists(new org.apache.hadoop.fs.Path("/flink/ha" + CLUSTER_ID
                    + "/jobgraphs/" + jobId)), "the job graph files are left on HDFS");
            assertTrue(this.client.checkExists().forPath("/jobresults/" + jobId) != null, "no job result entry for " + jobId);
        }
    }

    @Test
    void exactlyOnceJobSurvivesLeaderJobManagerKillsRestoringItsLatestCheckpoint() throws Exception {
        runExactlyOnceJobThroughLeaderLosses(3, (cluster, jobManagers, leader, round) ->
                killLeaderAndStartStandby(cluster, jobManagers, leader, "jobmanager-restarted-" + round));
    }

    @Test
    void exactlyOnceJobSurvivesAZooKeeperSessionLossKeepingItsCheckpoints() throws Exception {
        runExactlyOnceJobThroughLeaderLosses(1, (cluster, jobManagers, leader, round) -> {
            long lostAt = System.nanoTime();
            zooKeeper.restart(); // the leader suspends the job (a cancel): its checkpoints must stay for the next leader
            return lostAt;
        });
    }

    /** Makes the current leader lose its leadership. */
    private interface LeaderLoss {
        /** @return the {@link System#nanoTime()} at which the leader lost it */
        long cause(StandaloneClusterProcesses cluster, Map<Integer, JobManagerJvm> jobManagers, LeaderAddress leader,
                   int round) throws Exception;
    }

    /**
     * Runs {@link ExactlyOnceCountingProgram} (checkpoints and HA storage on HDFS) on two JobManagers
     * and two TaskManagers; {@code rounds} times, once the leader completed 1 to 3 checkpoints, lets it
     * {@code lose} its leadership at a random moment, and checks that the next leader runs the job under
     * its JobID from a checkpoint at least as new. At the end, every record is committed exactly once.
     */
    private void runExactlyOnceJobThroughLeaderLosses(int rounds, LeaderLoss lose) throws Exception {
        Path output = tmp.resolve("out");
        Path jar = TestJars.programJar(tmp.resolve("exactly-once-counting.jar"), ExactlyOnceCountingProgram.class,
                Pacer.class);
        // the cluster's directory apart from the output, whose files come and go while logs() walks it
        try (MiniDfs hdfs = MiniDfs.start(tmp.resolve("minidfs"));
             StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(tmp.resolve("cluster"), 2,
                     haConfiguration(hdfs.uri() + "/flink/ha",
                             "state.checkpoints.dir: " + hdfs.uri() + "/flink/checkpoints",
                             "cluster.evenly-spread-out-slots: true"))) { // the keyed exchange crosses JVMs
            Map<Integer, JobManagerJvm> jobManagers = new LinkedHashMap<>();
            Leader leadership = startTwoJobManagersAndTwoTaskManagers(cluster, jobManagers);
            LeaderAddress leader = leadership.address();

            long start = System.nanoTime();
            Process client = cluster.run("client", "flink", "run", "-d", "-p", "2", jar.toString(),
                    "--records", String.valueOf(EXACTLY_ONCE_RECORDS), "--keys", String.valueOf(EXACTLY_ONCE_KEYS),
                    "--rate", String.valueOf(EXACTLY_ONCE_RATE),
                    "--checkpoint-interval", String.valueOf(EXACTLY_ONCE_CHECKPOINT_INTERVAL_MILLIS),
                    "--output", output.toUri().toString());
            assertTrue(client.waitFor(3, TimeUnit.MINUTES), "bin/flink run -d did not return\n" + cluster.logs());
            assertEquals(0, client.exitValue(), cluster.output("client", client) + "\n" + cluster.logs());
            String jobId = cluster.awaitRest(restPort(leader), "/jobs/overview", json -> json.path("jobs").size() == 1,
                    StandaloneClusterProcesses.STARTUP).path("jobs").get(0).path("jid").asText();
            awaitAllVerticesRunning(cluster, leader, jobId);

            long seed = Long.getLong("millrace.test.seed", System.nanoTime());
            System.out.println("HA exactly-once seed (-Dmillrace.test.seed): " + seed);
            Random random = new Random(seed);
            List<Long> recoveryMillis = new ArrayList<>();
            long checkpoint = 0;
            for (int round = 1; round <= rounds; round++) {
                // 1 to 3 checkpoints this leader completed, i.e. taken since the last recovery
                checkpoint = awaitCheckpointAfter(cluster, leader, jobId, checkpoint + random.nextInt(3));
                // the random moment of the loss, not synchronisation
                Thread.sleep(random.nextInt(EXACTLY_ONCE_CHECKPOINT_INTERVAL_MILLIS));
                String victim = jobManagers.get(restPort(leader)).name();
                long lostAt = lose.cause(cluster, jobManagers, leader, round);
                leadership = awaitLeadership(cluster, leadership);
                LeaderAddress next = leadership.address();
                awaitAllVerticesRunning(cluster, next, jobId);
                recoveryMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostAt));
                String nextName = jobManagers.get(restPort(next)).name();
                long restored = StandaloneClusterProcesses.lastNumber(RESTORED_CHECKPOINT, cluster.log(nextName));
                System.out.printf("HA exactly-once recovery %d: leader %s lost after checkpoint %d -> job %s RUNNING"
                        + " on %s, restored from checkpoint %d, after %d ms%n", round, victim, checkpoint, jobId, nextName,
                        restored, recoveryMillis.get(round - 1));
                assertTrue(restored >= checkpoint, "the new leader restored checkpoint " + restored
                        + ", not checkpoint " + checkpoint + " (or a newer one) completed before the leader was lost");
                leader = next;
            }

            cluster.awaitRest(restPort(leader), "/jobs/" + jobId, json -> json.path("state").asText().equals("FINISHED"),
                    Duration.ofMinutes(5));
            System.out.println("HA exactly-once: run time " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                    + " ms, leader lost -> job RUNNING again (ms): " + recoveryMillis);
            ExactlyOnceOutput.assertEveryRecordCommittedOnce(ExactlyOnceOutput.committedFiles(output),
                    EXACTLY_ONCE_RECORDS, EXACTLY_ONCE_KEYS);
            awaitNoStoredJobs();
        }
    }

    @Test
    void zooKeeperSessionLossNeverLeavesTwoJobManagersDeployingTheSameJob() throws Exception {
        Path input = WordCountFiles.writeInput(tmp);
        Path output = tmp.resolve("counts");
        Path gate = tmp.resolve("gate");
        Path jar = TestJars.programJar(tmp.resolve("gated.jar"), GatedBatchWordCount.class);
        try (StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(tmp, 2, haConfiguration(localStorage()))) {
            List<String> names = List.of("jobmanager-0", "jobmanager-1");
            for (String name : names) {
                cluster.startJobManager(name, StandaloneClusterProcesses.freePort());
            }
            cluster.startTaskManager("taskmanager-1");
            cluster.startTaskManager("taskmanager-2");
            Leader leadership = awaitLeadership(cluster, null);
            LeaderAddress leader = leadership.address();
            cluster.awaitRest(restPort(leader), "/overview", json -> json.path("taskmanagers").asInt() == 2,
                    StandaloneClusterProcesses.STARTUP);
            Process client = cluster.run("client", "flink", "run", "-d", "-p", "2", jar.toString(), "--input",
                    input.toString(), "--output", output.toString(), "--gate", gate.toString());
            assertTrue(client.waitFor(3, TimeUnit.MINUTES), "bin/flink run -d did not return\n" + cluster.logs());
            assertEquals(0, client.exitValue(), cluster.output("client", client) + "\n" + cluster.logs());
            String jobId = cluster.awaitRest(restPort(leader), "/jobs/overview", json -> json.path("jobs").size() == 1,
                    StandaloneClusterProcesses.STARTUP).path("jobs").get(0).path("jid").asText();
            awaitGatedStageRunning(cluster, leader, jobId);

            zooKeeper.restart(); // every JobManager's connection is suspended: each must stop acting at once

            LeaderAddress next = awaitLeadership(cluster, leadership).address();
            try {
                awaitGatedStageRunning(cluster, next, jobId);
            } catch (AssertionError e) {
                throw new AssertionError("leadership events:\n" + leadershipEvents(cluster, names), e);
            }
            Files.createFile(gate);
            cluster.awaitRest(restPort(next), "/jobs/" + jobId, json -> json.path("state").asText().equals("FINISHED"),
                    Duration.ofMinutes(5));
            assertEquals(WordCountFiles.expectedCounts(input), WordCountFiles.readCounts(WordCountFiles.outputFiles(output)));

            List<List<LocalDateTime[]>> leaderships = new ArrayList<>();
            for (String name : names) {
                String log = cluster.log(name);
                List<LocalDateTime[]> intervals = leaderIntervals(log);
                leaderships.add(intervals);
                for (LocalDateTime deployed : times(log, "Job .* switched to RUNNING")) {
                    assertTrue(intervals.stream().anyMatch(i -> !deployed.isBefore(i[0]) && deployed.isBefore(i[1])),
                            name + " deployed the job at " + deployed + " outside its leadership " + describe(intervals));
                }
            }
            assertTrue(leaderships.stream().mapToInt(List::size).sum() >= 2,
                    "expected a leadership before and after the session loss: " + leaderships.stream().map(this::describe).toList());
            for (LocalDateTime[] a : leaderships.get(0)) {
                for (LocalDateTime[] b : leaderships.get(1)) {
                    assertFalse(a[0].isBefore(b[1]) && b[0].isBefore(a[1]), "two JobManagers led at once: "
                            + describe(List.<LocalDateTime[]>of(a)) + " and " + describe(List.<LocalDateTime[]>of(b)));
                }
            }
        }
    }

    @Test
    void startClusterStartsEveryJobManagerOfMastersAndStopClusterStopsThemAll() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (StandaloneClusterProcesses cluster = new StandaloneClusterProcesses(tmp, 1, haConfiguration(localStorage()))) {
            List<Integer> webPorts = List.of(StandaloneClusterProcesses.freePort(), StandaloneClusterProcesses.freePort());
            Files.writeString(cluster.confDir().resolve("masters"),
                    "# two JobManagers on this host\nlocalhost:" + webPorts.get(0) + "\nlocalhost:" + webPorts.get(1) + "\n");
            Files.writeString(cluster.confDir().resolve("workers"), "localhost\n");
            Process start = cluster.run("start", "start-cluster.sh");
            assertTrue(start.waitFor(2, TimeUnit.MINUTES), cluster.logs());
            assertEquals(0, start.exitValue(), cluster.output("start", start));
            pids.addAll(ClusterScriptsITCase.pidsIn(tmp));
            assertEquals(3, pids.size(), "pid files: " + pids + "\n" + cluster.output("start", start));

            LeaderAddress leader = awaitLeadership(cluster, null).address();
            assertTrue(webPorts.contains(restPort(leader)), leader + " is none of conf/masters' " + webPorts);
            cluster.awaitRest(restPort(leader), "/overview", json -> json.path("taskmanagers").asInt() == 1,
                    StandaloneClusterProcesses.STARTUP);
            int standby = webPorts.get(0) == restPort(leader) ? webPorts.get(1) : webPorts.get(0);
            cluster.awaitRest(standby, "/overview", json -> json.path("taskmanagers").asInt() == 0,
                    StandaloneClusterProcesses.STARTUP);
            Process list = cluster.run("list", "flink", "list"); // no -m: the leader is found in ZooKeeper
            assertTrue(list.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, list.exitValue(), cluster.output("list", list));

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

    private String localStorage() {
        return tmp.resolve("ha-storage").toUri().toString();
    }

    /** The HA keys for this test's ZooKeeper and {@code storageDir}, then {@code extraLines}. */
    private String[] haConfiguration(String storageDir, String... extraLines) {
        List<String> lines = List.of(
            "high-availability.type: zookeeper",
            "high-availability.zookeeper.quorum: " + zooKeeper.getConnectString(),
            "high-availability.cluster-id: " + CLUSTER_ID,
            "high-availability.storageDir: " + storageDir,
            "high-availability.zookeeper.client.session-timeout: 4 s",
            "high-availability.zookeeper.client.connection-timeout: 3 s",
            "high-availability.zookeeper.client.retry-wait: 200 ms",
            "high-availability.zookeeper.client.max-retry-attempts: 10",
            "restart-strategy.type: fixed-delay",
            "restart-strategy.fixed-delay.attempts: 10",
            "restart-strategy.fixed-delay.delay: 1 s");
        return Stream.concat(lines.stream(), Arrays.stream(extraLines)).toArray(String[]::new);
    }

    /** A JobManager JVM a test started: the name of its directory (and log) and its process. */
    private record JobManagerJvm(String name, Process process) {}

    /**
     * Starts {@code jobmanager-0} and {@code jobmanager-1} (put into {@code jobManagers} by REST port)
     * and two TaskManagers; the leadership once both TaskManagers registered with the leader.
     */
    private Leader startTwoJobManagersAndTwoTaskManagers(StandaloneClusterProcesses cluster,
                                                         Map<Integer, JobManagerJvm> jobManagers) throws Exception {
        for (int i = 0; i < 2; i++) {
            int port = StandaloneClusterProcesses.freePort();
            jobManagers.put(port, new JobManagerJvm("jobmanager-" + i, cluster.startJobManager("jobmanager-" + i, port)));
        }
        cluster.startTaskManager("taskmanager-1");
        cluster.startTaskManager("taskmanager-2");
        Leader leadership = awaitLeadership(cluster, null);
        cluster.awaitRest(restPort(leadership.address()), "/overview", json -> json.path("taskmanagers").asInt() == 2,
                StandaloneClusterProcesses.STARTUP);
        return leadership;
    }

    /**
     * Kills the {@code leader}'s JVM (SIGKILL) and starts a new standby named {@code replacement} in
     * {@code jobManagers}; the {@link System#nanoTime()} of the kill.
     */
    private static long killLeaderAndStartStandby(StandaloneClusterProcesses cluster,
                                                  Map<Integer, JobManagerJvm> jobManagers, LeaderAddress leader,
                                                  String replacement) throws Exception {
        Process victim = jobManagers.remove(restPort(leader)).process();
        long killedAt = System.nanoTime();
        victim.destroyForcibly();
        assertTrue(victim.waitFor(1, TimeUnit.MINUTES));
        int port = StandaloneClusterProcesses.freePort();
        jobManagers.put(port, new JobManagerJvm(replacement, cluster.startJobManager(replacement, port)));
        return killedAt;
    }

    /** A leadership as ZooKeeper publishes it: the leader's addresses and its session id. */
    private record Leader(LeaderAddress address, String session) {}

    /** The leadership ZooKeeper names once it is not {@code previous} (null: any). */
    private Leader awaitLeadership(StandaloneClusterProcesses cluster, Leader previous) throws Exception {
        long deadline = System.nanoTime() + StandaloneClusterProcesses.STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.checkExists().forPath("/leader/jobmanager/connection_info") != null) {
                try {
                    String text = new String(client.getData().forPath("/leader/jobmanager/connection_info"),
                            StandardCharsets.UTF_8);
                    int newline = text.lastIndexOf('\n');
                    Leader leader = new Leader(LeaderAddress.parse(text.substring(0, newline)), text.substring(newline + 1));
                    if (!leader.equals(previous)) {
                        return leader;
                    }
                } catch (org.apache.zookeeper.KeeperException.NoNodeException replacedMeanwhile) {
                    // the leader changes right now
                }
            }
            Thread.sleep(100); // polling pace of an observable condition, not synchronisation
        }
        throw new AssertionError("no new JobManager leader in ZooKeeper\n" + cluster.logs());
    }

    private static int restPort(LeaderAddress leader) {
        return leader.restAddress().getPort();
    }

    /** Waits until the job runs on {@code leader} with its gated stage deployed (it then waits for the gate). */
    private static void awaitGatedStageRunning(StandaloneClusterProcesses cluster, LeaderAddress leader, String jobId)
            throws Exception {
        cluster.awaitRest(restPort(leader), "/jobs/" + jobId, job -> {
            if (!job.path("state").asText().equals("RUNNING")) {
                return false;
            }
            for (JsonNode vertex : job.path("vertices")) {
                if (vertex.path("name").asText().contains(GatedBatchWordCount.GATE_OPERATOR)) {
                    return vertex.path("status").asText().equals("RUNNING");
                }
            }
            return false;
        }, StandaloneClusterProcesses.STARTUP);
    }

    /** Waits until the job runs on {@code leader} with every vertex RUNNING. */
    private static void awaitAllVerticesRunning(StandaloneClusterProcesses cluster, LeaderAddress leader, String jobId)
            throws Exception {
        cluster.awaitRest(restPort(leader), "/jobs/" + jobId, job -> {
            assertNotEquals("FINISHED", job.path("state").asText(), "the job finished before all leader losses; make it run longer");
            return JobJson.allVerticesRunning(job);
        }, StandaloneClusterProcesses.STARTUP);
    }

    /**
     * Polls {@code GET /jobs/:jobid/checkpoints} at {@code leader} until a checkpoint newer than
     * {@code id} completed there; its id.
     */
    private static long awaitCheckpointAfter(StandaloneClusterProcesses cluster, LeaderAddress leader, String jobId,
                                             long id) throws Exception {
        return cluster.awaitRest(restPort(leader), "/jobs/" + jobId + "/checkpoints",
                json -> json.path("latest").path("completed").path("id").asLong() > id, StandaloneClusterProcesses.STARTUP)
                .path("latest").path("completed").path("id").asLong();
    }

    /** Job graphs, checkpoint pointers and checkpoint id counters of ended jobs are removed from ZooKeeper. */
    private void awaitNoStoredJobs() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (String path : List.of("/jobgraphs", "/checkpoints", "/checkpoint-counter")) {
            while (client.checkExists().forPath(path) != null && !client.getChildren().forPath(path).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "left in ZooKeeper's " + path + ": "
                        + client.getChildren().forPath(path));
                Thread.sleep(100); // polling pace of the leader's asynchronous clean-up, not synchronisation
            }
        }
    }

    /** [granted, revoked) per leadership in a JobManager's log; one still held ends far in the future. */
    private static List<LocalDateTime[]> leaderIntervals(String log) {
        List<LocalDateTime[]> intervals = new ArrayList<>();
        LocalDateTime start = null;
        Matcher m = LOG_LINE.matcher(log);
        while (m.find()) {
            String line = m.group();
            LocalDateTime time = LocalDateTime.parse(m.group(1), LOG_TIME);
            if (line.contains("This JobManager leads")) {
                start = time;
            } else if (line.contains("This JobManager no longer leads") && start != null) {
                intervals.add(new LocalDateTime[] {start, time});
                start = null;
            }
        }
        if (start != null) {
            intervals.add(new LocalDateTime[] {start, LocalDateTime.MAX});
        }
        return intervals;
    }

    private static String leadershipEvents(StandaloneClusterProcesses cluster, List<String> names) throws Exception {
        StringBuilder events = new StringBuilder();
        for (String name : names) {
            for (String line : cluster.log(name).split("\n")) {
                if (line.matches(".*(leads|leadership|Published|Recover|suspend|publish).*")) {
                    events.append(name).append(": ").append(line).append('\n');
                }
            }
        }
        return events.toString();
    }

    private static List<LocalDateTime> times(String log, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<LocalDateTime> times = new ArrayList<>();
        Matcher m = LOG_LINE.matcher(log);
        while (m.find()) {
            if (pattern.matcher(m.group()).find()) {
                times.add(LocalDateTime.parse(m.group(1), LOG_TIME));
            }
        }
        return times;
    }

    private String describe(List<LocalDateTime[]> intervals) {
        return intervals.stream().map(i -> "[" + i[0] + ", " + i[1] + ")").toList().toString();
    }
}
