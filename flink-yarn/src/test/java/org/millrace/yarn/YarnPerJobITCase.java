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
 * {@code flink run -t yarn-per-job} (and {@code -m yarn-cluster}) on MiniYARNCluster + MiniDFSCluster:
 * one application per job, whose final status and the client's exit code follow the job, and whose
 * staging directory is gone afterwards; WordCount reads its input from {@code hdfs://} and from a
 * file shipped with {@code yarn.ship-files}, and writes its counts to {@code hdfs://}.
 */
@ExtendWith(SharedMiniYarn.class)
class YarnPerJobITCase {

    @TempDir
    static Path tmp;

    @Test
    void wordCountPerJobReadsAndWritesHdfsWithExactCountsAndEndsTheApplicationSucceeded(MiniYarnEnvironment yarn)
            throws Exception {
        Path input = WordCountCounts.writeInput(tmp, 1_000);
        org.apache.hadoop.fs.FileSystem hdfs = yarn.fileSystem();
        org.apache.hadoop.fs.Path hdfsInput = hdfs.makeQualified(new org.apache.hadoop.fs.Path("/wordcount/input.txt"));
        org.apache.hadoop.fs.Path hdfsOutput = hdfs.makeQualified(new org.apache.hadoop.fs.Path("/wordcount/counts"));
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(input.toUri()), hdfsInput);
        Set<ApplicationId> before = yarn.applicationIds();
        long start = System.nanoTime();
        // the same text twice: from HDFS, and shipped with the application (yarn.ship-files) to the containers
        MiniYarnEnvironment.CliRun run = yarn.flink("run", "-t", "yarn-per-job", "-p", "2", "-Dyarn.ship-files=" + input,
                Paths.get(System.getProperty("millrace.examples.dir"), "WordCount.jar").toString(),
                "--input", hdfsInput.toString(), "--input", input.getFileName().toString(), "--output", hdfsOutput.toString());
        System.out.println("Per-job WordCount on hdfs://: client returned after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("Job Runtime:"), run.out());
        Path output = tmp.resolve("per-job-counts");
        hdfs.copyToLocalFile(hdfsOutput, new org.apache.hadoop.fs.Path(output.toUri()));
        java.util.Map<String, Integer> twice = new java.util.HashMap<>();
        WordCountCounts.expected(input).forEach((word, count) -> twice.put(word, 2 * count));
        assertEquals(twice, WordCountCounts.read(output));

        ApplicationReport end = yarn.awaitEnd(yarn.newApplication(before), Duration.ofSeconds(60));
        assertEquals(YarnApplicationState.FINISHED, end.getYarnApplicationState());
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertStagingDirectoryGone(yarn, end.getApplicationId());
    }

    @Test
    void failedJobEndsTheApplicationFailedAndTheClientExitsOne(MiniYarnEnvironment yarn) throws Exception {
        Path jar = FailingJob.jar(tmp);
        Set<ApplicationId> before = yarn.applicationIds();
        MiniYarnEnvironment.CliRun run = yarn.flink("run", "-m", "yarn-cluster", "-c", FailingJob.class.getName(), jar.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(FailingJob.MESSAGE), run.err());

        ApplicationReport end = yarn.awaitEnd(yarn.newApplication(before), Duration.ofSeconds(60));
        assertEquals(FinalApplicationStatus.FAILED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertTrue(end.getDiagnostics().contains(FailingJob.MESSAGE), end.getDiagnostics());
        assertStagingDirectoryGone(yarn, end.getApplicationId());
    }

    private static void assertStagingDirectoryGone(MiniYarnEnvironment yarn, ApplicationId id) throws Exception {
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(yarn.fileSystem().getHomeDirectory(),
                ".millrace/" + id);
        assertFalse(yarn.fileSystem().exists(staging), "staging directory " + staging + " removed");
    }
}
