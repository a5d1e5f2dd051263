package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.TestingServer;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.testing.ExactlyOnceCountingProgram;
import org.millrace.testing.ExactlyOnceOutput;
import org.millrace.testing.JobJson;
import org.millrace.testing.Pacer;
import org.millrace.testing.TestJars;
import org.millrace.yarn.client.YarnSessionCli;

/**
 * High availability on YARN ({@code high-availability.type: zookeeper}, ZooKeeper from Curator's
 * TestingServer, HA storage and checkpoints on the MiniDFSCluster, two ApplicationMaster attempts):
 * the ApplicationMaster running the exactly-once counting job is killed (SIGKILL) after the job
 * completed checkpoints; the second attempt recovers the job from ZooKeeper under the same JobID,
 * restores a checkpoint at least as new as the last one completed before the kill (as its log says),
 * and the job finishes with every record committed exactly once. Prints the recovery time (kill →
 * every vertex RUNNING again in attempt 2).
 */
@ExtendWith(SharedMiniYarn.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class YarnHighAvailabilityITCase {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final int RECORDS = 30_000;
    private static final int KEYS = 50;
    private static final int RATE = 1_000;
    private static final int CHECKPOINT_INTERVAL_MILLIS = 500;
    private static final Pattern JOB_ID = Pattern.compile("Job has been submitted with JobID (\\p{XDigit}{32})");
    private static final Pattern RESTORED = Pattern.compile("Restoring from checkpoint (\\d+) at");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestingServer zooKeeper;
    private CuratorFramework zooKeeperClient;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = new TestingServer(true);
        zooKeeperClient = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(), new RetryNTimes(5, 200));
        zooKeeperClient.start();
    }

    @AfterEach
    void stopZooKeeper() throws Exception {
        zooKeeperClient.close();
        zooKeeper.close();
    }

    @Test
    void sessionJobSurvivesApplicationMasterKill(MiniYarnEnvironment yarn) throws Exception {
        Map<String, String> settings = haSettings(yarn);
        settings.put("yarn.properties-file.location", Files.createDirectories(tmp.resolve("properties")).toString());
        List<String> args = new ArrayList<>(List.of("-d", "-nm", "ha-session"));
        args.addAll(yarn.dynamicProperties(settings));
        Set<ApplicationId> before = yarn.applicationIds();
        ByteArrayOutputStream sessionOut = new ByteArrayOutputStream();
        int exit = new YarnSessionCli(new PrintStream(sessionOut, true), System.err, Map.of(),
                new ByteArrayInputStream(new byte[0])).run(args.toArray(new String[0]));
        assertEquals(0, exit, sessionOut.toString(StandardCharsets.UTF_8));
        ApplicationId id = yarn.newApplication(before);
        try {
            String jobId = submit(yarn, "-Dexecution.target=yarn-session", "-Dyarn.application.id=" + id);
            String rest = survivesApplicationMasterKill(yarn, id, jobId);

            awaitJson(rest + "/jobs/" + jobId, job -> job.path("state").asText().equals("FINISHED"), DEADLINE);
            ExactlyOnceOutput.assertEveryRecordCommittedOnce(ExactlyOnceOutput.committedFiles(tmp.resolve("out")),
                    RECORDS, KEYS);
            // ended for good: the job's HA entries go, while the session (and its ZooKeeper nodes) stays
            for (String entry : List.of("/jobgraphs/", "/checkpoints/", "/checkpoint-counter/")) {
                String node = "/flink/" + id + entry + jobId;
                MiniYarnEnvironment.await(() -> !exists(node), DEADLINE, node + " removed after the job finished");
            }
            assertTrue(exists("/flink/" + id + "/jobresults/" + jobId), "the job's result is recorded");
        } finally {
            yarn.kill(id);
        }
        assertEquals(2, yarn.attempts(id).size(), "attempts: " + yarn.attempts(id));
    }

    @Test
    void perJobApplicationSurvivesApplicationMasterKillAndEndsWithoutHighAvailabilityData(MiniYarnEnvironment yarn)
            throws Exception {
        Set<ApplicationId> before = yarn.applicationIds();
        List<String> target = new ArrayList<>(List.of("-t", "yarn-per-job"));
        haSettings(yarn).forEach((key, value) -> target.add("-D" + key + "=" + value));
        String jobId = submit(yarn, target.toArray(new String[0]));
        ApplicationId id = yarn.newApplication(before);

        survivesApplicationMasterKill(yarn, id, jobId);

        ApplicationReport end = yarn.awaitEnd(id, DEADLINE);
        assertEquals(YarnApplicationState.FINISHED, end.getYarnApplicationState());
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertEquals(2, yarn.attempts(id).size(), "attempts: " + yarn.attempts(id));
        ExactlyOnceOutput.assertEveryRecordCommittedOnce(ExactlyOnceOutput.committedFiles(tmp.resolve("out")),
                RECORDS, KEYS);
        // the application ended: nothing is left for an attempt to recover
        assertNull(zooKeeperClient.checkExists().forPath("/flink/" + id), "the application's ZooKeeper nodes are left");
        assertFalse(yarn.fileSystem().exists(new org.apache.hadoop.fs.Path(haStorageDir(yarn), id.toString())),
                "the application's files in high-availability.storageDir are left");
        assertFalse(yarn.stagingDirectoryExists(id));
    }

    /**
     * Waits for the job to run and complete two checkpoints, kills the ApplicationMaster and checks that
     * attempt 2 runs the same job again from a checkpoint at least as new; returns attempt 2's REST URL.
     */
    private String survivesApplicationMasterKill(MiniYarnEnvironment yarn, ApplicationId id, String jobId)
            throws Exception {
        String firstRest = awaitRestOfAttempt(yarn, id, 1);
        awaitAllVerticesRunning(firstRest, jobId);
        long completed = awaitJson(firstRest + "/jobs/" + jobId + "/checkpoints",
                json -> json.path("latest").path("completed").path("id").asLong() >= 2, DEADLINE)
                .path("latest").path("completed").path("id").asLong();

        ProcessHandle firstMaster = MiniYarnEnvironment.containerJvm(yarn.applicationMasterContainer(id));
        long killed = System.nanoTime();
        assertTrue(firstMaster.destroyForcibly(), "SIGKILL sent to the ApplicationMaster " + firstMaster.pid());

        String secondRest = awaitRestOfAttempt(yarn, id, 2);
        awaitAllVerticesRunning(secondRest, jobId); // the same JobID
        long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        String log = Files.readString(logFile(MiniYarnEnvironment.containerJvm(yarn.applicationMasterContainer(id))));
        Matcher restored = RESTORED.matcher(log);
        long restoredId = -1;
        while (restored.find()) {
            restoredId = Long.parseLong(restored.group(1));
        }
        System.out.printf("YARN HA: ApplicationMaster killed after checkpoint %d -> job %s RUNNING in attempt 2,"
                + " restored from checkpoint %d, after %d ms%n", completed, jobId, restoredId, recoveryMillis);
        assertTrue(log.contains("ZooKeeper records"), "attempt 2 did not read the checkpoints from ZooKeeper:\n" + log);
        assertTrue(restoredId >= completed, "attempt 2 restored checkpoint " + restoredId + ", not checkpoint "
                + completed + " (or a newer one) completed before the kill");
        return secondRest;
    }

    /** Runs the exactly-once counting job detached with the given target settings; its JobID. */
    private String submit(MiniYarnEnvironment yarn, String... target) throws Exception {
        Path jar = TestJars.programJar(tmp.resolve("exactly-once-counting.jar"), ExactlyOnceCountingProgram.class,
                Pacer.class);
        List<String> args = new ArrayList<>(List.of("-d", "-p", "2"));
        args.addAll(List.of(target));
        args.addAll(List.of(jar.toString(), "--records", String.valueOf(RECORDS), "--keys", String.valueOf(KEYS),
                "--rate", String.valueOf(RATE), "--checkpoint-interval", String.valueOf(CHECKPOINT_INTERVAL_MILLIS),
                "--output", tmp.resolve("out").toUri().toString()));
        MiniYarnEnvironment.CliRun run = yarn.flink("run", args.toArray(new String[0]));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Matcher jobId = JOB_ID.matcher(run.out());
        assertTrue(jobId.find(), run.out());
        return jobId.group(1);
    }

    private Map<String, String> haSettings(MiniYarnEnvironment yarn) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("high-availability.type", "zookeeper");
        settings.put("high-availability.zookeeper.quorum", zooKeeper.getConnectString());
        settings.put("high-availability.zookeeper.client.session-timeout", "4 s");
        settings.put("high-availability.storageDir", haStorageDir(yarn));
        settings.put("state.checkpoints.dir", yarn.fileSystem().getUri() + "/checkpoints-" + tmp.getFileName());
        settings.put("yarn.application-attempts", "2");
        return settings;
    }

    private String haStorageDir(MiniYarnEnvironment yarn) throws IOException {
        return yarn.fileSystem().getUri() + "/ha-" + tmp.getFileName();
    }

    /** The REST URL of the application's ApplicationMaster once {@code attempt} runs and answers. */
    private String awaitRestOfAttempt(MiniYarnEnvironment yarn, ApplicationId id, int attempt) throws Exception {
        String[] url = new String[1];
        MiniYarnEnvironment.await(() -> {
            try {
                ApplicationReport report = yarn.report(id);
                if (report.getYarnApplicationState() != YarnApplicationState.RUNNING
                        || report.getCurrentApplicationAttemptId().getAttemptId() != attempt || report.getRpcPort() <= 0) {
                    return false;
                }
                url[0] = "http://" + report.getHost() + ":" + report.getRpcPort();
                return get(url[0] + "/overview") != null;
            } catch (Exception e) {
                return false;
            }
        }, DEADLINE, "attempt " + attempt + " of " + id + " runs and answers REST requests");
        return url[0];
    }

    private void awaitAllVerticesRunning(String rest, String jobId) throws Exception {
        awaitJson(rest + "/jobs/" + jobId, job -> {
            assertFalse(job.path("state").asText().equals("FINISHED"), "the job finished before the kill was over;"
                    + " make it run longer");
            return JobJson.allVerticesRunning(job);
        }, DEADLINE);
    }

    /** Polls a REST URL until its JSON satisfies {@code condition}; fails with the last answer after {@code timeout}. */
    private JsonNode awaitJson(String url, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            JsonNode json = get(url);
            if (json != null && condition.test(json)) {
                return json;
            }
            last = String.valueOf(json);
            Thread.sleep(200); // polling pace of an observable condition
        }
        throw new AssertionError("GET " + url + " did not reach the expected state within " + timeout + "; last: " + last);
    }

    /** The JSON answer of a 200 response, or null (not answering, or another status). */
    private JsonNode get(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean exists(String node) {
        try {
            return zooKeeperClient.checkExists().forPath(node) != null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code -Dlog.file} of a container's JVM. */
    private static Path logFile(ProcessHandle jvm) {
        for (String arg : jvm.info().arguments().orElseThrow()) {
            if (arg.startsWith("-Dlog.file=")) {
                return Path.of(arg.substring("-Dlog.file=".length()));
            }
        }
        throw new AssertionError("no -Dlog.file in the command line of " + jvm.pid());
    }
}
