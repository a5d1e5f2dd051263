package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.SavepointConfigOptions;
import org.millrace.runtime.minicluster.MiniCluster;

/**
 * Savepoints outlive the release that wrote them: a savepoint written in format version 1 (kept
 * in {@code src/test/resources/savepoints/v1-keyed-counters}: keyed counters and source positions of
 * {@link SavepointRescaleITCase}'s job, taken mid-way at parallelism 2) still restores, at another
 * parallelism, and the job completes with every key's totals exact. A change of the format must
 * keep this test passing (read the old version) rather than replace the resource.
 */
@Timeout(180)
class SavepointFormatCompatibilityITCase {

    private static final List<String> FILES = List.of("_metadata",
            "333b95fe828d3193b4bf94e1b0d4c5bf-0.keyed", "333b95fe828d3193b4bf94e1b0d4c5bf-1.keyed",
            "4574ac13593f38d490bdfe7f6f07202c-0.op", "4574ac13593f38d490bdfe7f6f07202c-1.op");

    @Test
    void savepointOfFormatVersion1RestoresAndTheJobCompletesExactly(@TempDir Path tmp) throws Exception {
        Path savepoint = Files.createDirectories(tmp.resolve("savepoint-v1"));
        for (String file : FILES) {
            try (InputStream in = getClass().getResourceAsStream("/savepoints/v1-keyed-counters/" + file)) {
                assertTrue(in != null, "test resource missing: " + file);
                Files.copy(in, savepoint.resolve(file));
            }
        }
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), tmp.resolve("checkpoints").toUri().toString());
        conf.setString(SavepointConfigOptions.SAVEPOINT_PATH.key(), savepoint.toUri().toString());
        SavepointRescaleITCase.forgetOutput();
        try (MiniCluster cluster = new MiniCluster(conf, 3)) {
            cluster.submitJob(SavepointRescaleITCase.job(conf, 3, true), getClass().getClassLoader())
                    .get(150, TimeUnit.SECONDS);
        }
        SavepointRescaleITCase.assertEveryKeyExact("after restoring the version-1 savepoint at parallelism 3");
    }
}
