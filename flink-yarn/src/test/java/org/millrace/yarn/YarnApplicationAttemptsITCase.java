package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.client.cli.CliFrontend;

/**
 * {@code yarn.application-attempts: 2}: the ApplicationMaster of an attached per-job application is
 * killed (SIGKILL of its JVM) while the job runs; YARN starts a second attempt, which runs the same
 * job again in a new TaskManager container; the output is exact, the application ends SUCCEEDED, and
 * the client, which followed the job to the second attempt, exits 0.
 */
@ExtendWith(SharedMiniYarn.class)
class YarnApplicationAttemptsITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    static Path tmp;

    @Test
    void perJobSurvivesApplicationMasterKill(MiniYarnEnvironment yarn) throws Exception {
        GatedJob.Run job = GatedJob.Run.in(tmp);
        Set<ApplicationId> before = yarn.applicationIds();
        List<String> args = new ArrayList<>(List.of("run", "-t", "yarn-per-job"));
        args.addAll(yarn.dynamicProperties(Map.of("yarn.application-attempts", "2")));
        args.addAll(job.programArguments());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService clientThread = Executors.newSingleThreadExecutor();
        try {
            long submitted = System.nanoTime();
            Future<Integer> client = clientThread.submit(() ->
                    new CliFrontend(new PrintStream(out, true), System.err, Map.of()).run(args.toArray(new String[0])));
            MiniYarnEnvironment.await(() -> job.starts() == 1, DEADLINE, "the job runs in attempt 1");
            System.out.println("Submission to the job's subtask running: " + millisSince(submitted) + " ms");
            ApplicationId id = yarn.newApplication(before);
            ContainerId firstMaster = yarn.applicationMasterContainer(id);
            assertEquals(1, firstMaster.getApplicationAttemptId().getAttemptId());

            long killed = System.nanoTime();
            ProcessHandle master = MiniYarnEnvironment.containerJvm(firstMaster);
            assertTrue(master.destroyForcibly(), "SIGKILL sent to the ApplicationMaster " + master.pid());
            MiniYarnEnvironment.await(() -> running(yarn, id, 2), DEADLINE, "attempt 2 runs");
            System.out.println("ApplicationMaster killed; attempt 2 registered after " + millisSince(killed) + " ms");
            MiniYarnEnvironment.await(() -> job.starts() == 2, DEADLINE, "the job runs in attempt 2");
            System.out.println("ApplicationMaster killed; the job ran again in attempt 2 after " + millisSince(killed) + " ms");

            job.openGate();
            int exitCode = client.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, exitCode, printed);
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
        } finally {
            job.openGate(); // lets a still running subtask end
            clientThread.shutdownNow();
            assertTrue(clientThread.awaitTermination(30, TimeUnit.SECONDS), "the client thread ended");
        }
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
