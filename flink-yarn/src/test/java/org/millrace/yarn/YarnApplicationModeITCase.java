package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flink run-application -t yarn-application}: the client ships the JAR and returns once the
 * application runs; the ApplicationMaster runs the program's main(), and the application ends with
 * it: SUCCEEDED with WordCount's exact counts, FAILED with the job's failure in YARN's diagnostics.
 */
@ExtendWith(SharedMiniYarn.class)
class YarnApplicationModeITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    static Path tmp;

    @Test
    void wordCountMainRunsInTheApplicationMasterAndEndsTheApplicationSucceeded(MiniYarnEnvironment yarn) throws Exception {
        Path input = WordCountCounts.writeInput(tmp, 1_000);
        Path output = tmp.resolve("application-counts");
        Set<ApplicationId> before = yarn.applicationIds();
        long start = System.nanoTime();
        MiniYarnEnvironment.CliRun run = yarn.flink("run-application", "-t", "yarn-application", "-p", "2",
                Paths.get(System.getProperty("millrace.examples.dir"), "WordCount.jar").toString(),
                "--input", input.toString(), "--output", output.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        ApplicationId id = yarn.newApplication(before);
        System.out.println("run-application returned after " + (System.nanoTime() - start) / 1_000_000 + " ms");

        ApplicationReport end = yarn.awaitEnd(id, DEADLINE);
        System.out.println("Application mode WordCount: submission to end " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertEquals(YarnApplicationState.FINISHED, end.getYarnApplicationState());
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertEquals("Millrace application cluster", end.getName());
        assertEquals(WordCountCounts.expected(input), WordCountCounts.read(output));
        assertFalse(yarn.stagingDirectoryExists(id));
    }

    @Test
    void failingJobInMainEndsTheApplicationFailedWithTheCause(MiniYarnEnvironment yarn) throws Exception {
        Set<ApplicationId> before = yarn.applicationIds();
        MiniYarnEnvironment.CliRun run = yarn.flink("run-application", "-t", "yarn-application",
                "-c", FailingJob.class.getName(), FailingJob.jar(tmp).toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());

        ApplicationReport end = yarn.awaitEnd(yarn.newApplication(before), DEADLINE);
        assertEquals(FinalApplicationStatus.FAILED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertTrue(end.getDiagnostics().contains(FailingJob.MESSAGE), end.getDiagnostics());
        assertFalse(yarn.stagingDirectoryExists(end.getApplicationId()));
    }

    @Test
    void runApplicationWithoutAnApplicationTargetIsAUsageError(MiniYarnEnvironment yarn) throws Exception {
        MiniYarnEnvironment.CliRun run = yarn.flink("run-application", "-t", "yarn-per-job", FailingJob.jar(tmp).toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("\"run-application\" needs an application target (-t), one of [yarn-application]"),
                run.err());
    }
}
