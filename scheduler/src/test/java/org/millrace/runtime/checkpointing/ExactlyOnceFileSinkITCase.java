package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.serialization.SimpleStringEncoder;
import org.millrace.configuration.Configuration;
import org.millrace.connector.file.sink.FileSink;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The file sink's two-phase commit across failures: a job that fails twice, each time after some
 * checkpoints completed and with part files in progress, leaves committed files holding every
 * record exactly once, and nothing a reader would see besides them.
 */
@Timeout(180)
class ExactlyOnceFileSinkITCase {

    private static final long RECORDS = 2_000_000;
    @Test
    void committedFilesHoldEveryRecordExactlyOnceAfterFailures(@TempDir Path tmp) throws Exception {
        Path output = tmp.resolve("out");
        Configuration conf = FailureInjector.restartingConfiguration(tmp.resolve("checkpoints"), 3);
        FailureInjector failures = new FailureInjector(1, 2, 2);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(40);
        env.fromSequence(0, RECORDS - 1)
                .map(failures)
                .rebalance()
                .sinkTo(FileSink.forRowFormat(output.toUri().toString(), new SimpleStringEncoder<Long>()).build());

        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            cluster.submitJob(env.getJobGraph("exactly-once files"), getClass().getClassLoader()).get(150, TimeUnit.SECONDS);
        }

        assertEquals(2, failures.injectedFailures(), "two failures after completed checkpoints");
        List<Path> committed = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            files.filter(f -> !f.getFileName().toString().startsWith(".")).forEach(committed::add);
        }
        assertTrue(committed.size() > 2, "several checkpoints committed part files: " + committed);
        boolean[] seen = new boolean[(int) RECORDS];
        long lines = 0;
        for (Path file : committed) {
            assertTrue(file.getFileName().toString().startsWith("part-"), "only committed parts are visible: " + file);
            for (String line : readLines(file)) {
                int value = Integer.parseInt(line);
                assertTrue(!seen[value], "record " + value + " committed twice");
                seen[value] = true;
                lines++;
            }
        }
        assertEquals(RECORDS, lines, "every record committed exactly once");
    }

    private static List<String> readLines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
