package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ExternalizedCheckpointRetention;
import org.millrace.configuration.SavepointConfigOptions;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.streaming.api.environment.ExecutionCheckpointingOptions;

/**
 * {@code execution.checkpointing.externalized-checkpoint-retention}: by default a cancelled job's
 * checkpoints are deleted; with RETAIN_ON_CANCELLATION they stay, and {@code flink run -s <chk dir>}
 * resumes from the latest one with every key's count exact.
 */
@Timeout(240)
class CheckpointRetentionITCase {

    @BeforeEach
    void forgetEarlierOutput() {
        SavepointRescaleITCase.forgetOutput();
    }

    @Test
    void cancelledJobsCheckpointsAreDeletedByDefault(@TempDir Path tmp) throws Exception {
        Path checkpoints = tmp.resolve("checkpoints");
        Configuration conf = configuration(checkpoints, null);
        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            JobGraph job = SavepointRescaleITCase.job(conf, 2, true);
            cancelAfterACheckpoint(cluster, job, checkpoints);
            assertFalse(Files.exists(checkpoints.resolve(job.getJobID().toString())), "checkpoints of a cancelled job left");
        }
    }

    @Test
    void retainedCheckpointOfACancelledJobResumesWithEveryKeyExact(@TempDir Path tmp) throws Exception {
        Path checkpoints = tmp.resolve("checkpoints");
        Configuration conf = configuration(checkpoints, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        try (MiniCluster cluster = new MiniCluster(conf, 3)) {
            JobGraph job = SavepointRescaleITCase.job(conf, 2, true);
            cancelAfterACheckpoint(cluster, job, checkpoints);
            List<Path> kept;
            try (Stream<Path> dirs = Files.list(checkpoints.resolve(job.getJobID().toString()))) {
                kept = dirs.filter(d -> d.getFileName().toString().startsWith("chk-") && Files.exists(d.resolve("_metadata")))
                        .toList();
            }
            assertTrue(kept.size() == 1, "one retained checkpoint expected (num-retained 1): " + kept);

            Configuration resumed = new Configuration(conf);
            resumed.setString(SavepointConfigOptions.SAVEPOINT_PATH.key(), kept.get(0).toUri().toString());
            JobGraph second = SavepointRescaleITCase.job(resumed, 3, true);
            cluster.submitJob(second, getClass().getClassLoader()).get(180, TimeUnit.SECONDS);
            // a finished job's checkpoints go, whatever the retention
            assertFalse(Files.exists(checkpoints.resolve(second.getJobID().toString())), "checkpoints of a finished job left");
        }
        SavepointRescaleITCase.assertEveryKeyExact("after resuming from a retained checkpoint");
    }

    private static Configuration configuration(Path checkpoints, ExternalizedCheckpointRetention retention) {
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), checkpoints.toUri().toString());
        if (retention != null) {
            conf.set(ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, retention);
        }
        return conf;
    }

    /** Runs the job until a checkpoint is complete, then cancels it and waits until it ended. */
    private void cancelAfterACheckpoint(MiniCluster cluster, JobGraph job, Path checkpoints) throws Exception {
        CompletableFuture<JobExecutionResult> result = cluster.submitJob(job, getClass().getClassLoader());
        Path jobDir = checkpoints.resolve(job.getJobID().toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!hasCompletedCheckpoint(jobDir)) {
            assertTrue(System.nanoTime() < deadline, "no checkpoint completed");
            Thread.sleep(20); // polling pace
        }
        cluster.getDispatcher().cancelJob(job.getJobID()).get(60, TimeUnit.SECONDS);
        ExecutionException cancelled = assertThrows(ExecutionException.class, () -> result.get(60, TimeUnit.SECONDS));
        assertTrue(String.valueOf(cancelled.getCause()).contains("cancel"), cancelled.toString());
    }

    private static boolean hasCompletedCheckpoint(Path jobDir) throws java.io.IOException {
        if (!Files.isDirectory(jobDir)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(jobDir)) {
            return dirs.anyMatch(d -> Files.exists(d.resolve("_metadata")));
        }
    }
}
