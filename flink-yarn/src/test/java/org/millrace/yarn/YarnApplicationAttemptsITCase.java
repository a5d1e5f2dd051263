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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.client.cli.CliFrontend;
import org.millrace.yarn.client.YarnSessionCli;

/**
 * {@code yarn.application-attempts}: the ApplicationMaster of an attached per-job application is
 * killed (SIGKILL of its JVM) while the job runs. With 2 attempts YARN starts a second one, which runs
 * the same job again in a new TaskManager container; the output is exact, the application ends
 * SUCCEEDED, and the client, which followed the job to the second attempt, exits 0. With Flink's
 * default of 1 attempt the application ends FAILED, the client exits 1 saying so and deletes the
 * staging directory that the killed ApplicationMaster could not. A session's second
 * ApplicationMaster takes jobs as the first did.
 */
@ExtendWith(SharedMiniYarn.class)
class YarnApplicationAttemptsITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ExecutorService clientThread;
    private GatedJob.Run job;

    @BeforeEach
    void prepareJob() throws Exception {
        job = GatedJob.Run.in(tmp);
        clientThread = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopClient() throws Exception {
        job.openGate(); // lets a still running subtask end
        clientThread.shutdownNow();
        assertTrue(clientThread.awaitTermination(30, TimeUnit.SECONDS), "the client thread ended");
    }

    @Test
    void perJobSurvivesApplicationMasterKill(MiniYarnEnvironment yarn) throws Exception {
        Set<ApplicationId> before = yarn.applicationIds();
        long submitted = System.nanoTime();
        Future<Integer> client = runAttached(yarn, Map.of("yarn.application-attempts", "2"));
        MiniYarnEnvironment.await(() -> job.starts() == 1, DEADLINE, "the job runs in attempt 1");
        System.out.println("Submission to the job's subtask running: " + millisSince(submitted) + " ms");
        ApplicationId id = yarn.newApplication(before);

        long killed = killApplicationMaster(yarn, id);
        MiniYarnEnvironment.await(() -> running(yarn, id, 2), DEADLINE, "attempt 2 runs");
        System.out.println("ApplicationMaster killed; attempt 2 registered after " + millisSince(killed) + " ms");
        MiniYarnEnvironment.await(() -> job.starts() == 2, DEADLINE, "the job runs in attempt 2");
        System.out.println("ApplicationMaster killed; the job ran again in attempt 2 after " + millisSince(killed) + " ms");

        job.openGate();
        int exitCode = client.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exitCode, printed + err.toString(StandardCharsets.UTF_8));
        // the result the client got is the one of the job id it submitted to attempt 1
        Matcher jobId = Pattern.compile("Job has been submitted with JobID (\\p{XDigit}{32})").matcher(printed);
        assertTrue(jobId.find(), printed);
        assertTrue(printed.contains("Job with JobID " + jobId.group(1) + " has finished."), printed);

        ApplicationReport end = yarn.awaitEnd(id, DEADLINE);
        assertEquals(YarnApplicationState.FINISHED, end.getYarnApplicationState());
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertEquals(2, yarn.attempts(id).size(), "attempts: " + yarn.attempts(id));
        assertEquals(GatedJob.Run.expectedOutput(), job.sortedOutput());
        assertFalse(yarn.stagingDirectoryExists(id));
    }

    @Test
    void withOneAttemptApplicationMasterKillEndsTheApplicationFailedAndTheClientExitsOne(MiniYarnEnvironment yarn)
            throws Exception {
        Set<ApplicationId> before = yarn.applicationIds();
        Future<Integer> client = runAttached(yarn, Map.of());
        MiniYarnEnvironment.await(() -> job.starts() == 1, DEADLINE, "the job runs");
        ApplicationId id = yarn.newApplication(before);

        killApplicationMaster(yarn, id);
        int exitCode = client.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        String printedErr = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exitCode, out.toString(StandardCharsets.UTF_8) + printedErr);
        assertTrue(printedErr.contains("The YARN application " + id + " ended FAILED"), printedErr);
        ApplicationReport end = yarn.awaitEnd(id, DEADLINE);
        assertEquals(FinalApplicationStatus.FAILED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertEquals(1, yarn.attempts(id).size(), "attempts: " + yarn.attempts(id));
        assertFalse(yarn.stagingDirectoryExists(id));
    }

    @Test
    void sessionGetsANewApplicationMasterThatRunsTheNextJob(MiniYarnEnvironment yarn) throws Exception {
        ByteArrayOutputStream sessionOut = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", "-nm", "session-with-attempts"));
        args.addAll(yarn.dynamicProperties(Map.of("yarn.application-attempts", "2",
                "yarn.properties-file.location", Files.createDirectories(tmp.resolve("properties")).toString())));
        Set<ApplicationId> before = yarn.applicationIds();
        int exit = new YarnSessionCli(new PrintStream(sessionOut, true), System.err, Map.of(),
                new ByteArrayInputStream(new byte[0])).run(args.toArray(new String[0]));
        assertEquals(0, exit, sessionOut.toString(StandardCharsets.UTF_8));
        ApplicationId id = yarn.newApplication(before);
        try {
            long killed = killApplicationMaster(yarn, id);
            MiniYarnEnvironment.await(() -> running(yarn, id, 2), DEADLINE, "attempt 2 runs");
            System.out.println("Session ApplicationMaster killed; attempt 2 registered after " + millisSince(killed) + " ms");

            Path input = WordCountCounts.writeInput(tmp, 500);
            Path output = tmp.resolve("counts");
            MiniYarnEnvironment.CliRun run = yarn.flink("run", "-p", "2", "-Dexecution.target=yarn-session",
                    "-Dyarn.application.id=" + id, Path.of(System.getProperty("millrace.examples.dir"), "WordCount.jar")
                            .toString(), "--input", input.toString(), "--output", output.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertEquals(WordCountCounts.expected(input), WordCountCounts.read(output));
        } finally {
            yarn.kill(id);
        }
        assertEquals(2, yarn.attempts(id).size(), "attempts: " + yarn.attempts(id));
    }

    /** {@code flink run -t yarn-per-job} (attached) of the gated job, in the client thread. */
    private Future<Integer> runAttached(MiniYarnEnvironment yarn, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("run", "-t", "yarn-per-job"));
        args.addAll(yarn.dynamicProperties(settings));
        args.addAll(job.programArguments());
        return clientThread.submit(() -> new CliFrontend(new PrintStream(out, true), new PrintStream(err, true), Map.of())
                .run(args.toArray(new String[0])));
    }

    /** SIGKILLs the JVM of the application's current ApplicationMaster; returns when (System.nanoTime()). */
    private static long killApplicationMaster(MiniYarnEnvironment yarn, ApplicationId id) throws Exception {
        ContainerId master = yarn.applicationMasterContainer(id);
        ProcessHandle jvm = MiniYarnEnvironment.containerJvm(master);
        long killed = System.nanoTime();
        assertTrue(jvm.destroyForcibly(), "SIGKILL sent to the ApplicationMaster " + jvm.pid() + " of " + master);
        return killed;
    }

    private static boolean running(MiniYarnEnvironment yarn, ApplicationId id, int attempt) {
        try {
            ApplicationReport report = yarn.report(id);
            return report.getYarnApplicationState() == YarnApplicationState.RUNNING
                    && report.getCurrentApplicationAttemptId().getAttemptId() == attempt;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
