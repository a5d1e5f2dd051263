package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.configuration.Configuration;
import org.millrace.shuffle.BlockingShuffleOptions;
import org.millrace.shuffle.hadoop.MiniDfs;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A BATCH job whose blocking exchanges go to HDFS ({@code shuffle.blocking.storage: hdfs://...}, a
 * MiniDFSCluster) computes exactly what it computes with local spill files; its partition files are
 * on HDFS while the job runs and gone once it finished.
 */
@Timeout(180)
class HdfsBlockingShuffleITCase {

    @TempDir
    static Path tmp;

    private static MiniDfs hdfs;
    private static final CountDownLatch SECOND_STAGE_OPENED = new CountDownLatch(1);
    private static final CountDownLatch RELEASE_SECOND_STAGE = new CountDownLatch(1);

    @BeforeAll
    static void startHdfs() throws IOException {
        hdfs = MiniDfs.start(tmp.resolve("minidfs"));
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    /** Holds the second stage (subtask 0) until the test has looked at the storage. */
    static final class HoldSecondStage extends RichMapFunction<Long, Long> {
        private final boolean hold;

        HoldSecondStage(boolean hold) {
            this.hold = hold;
        }

        @Override
        public void open(OpenContext ctx) throws InterruptedException {
            if (hold && getRuntimeContext().getIndexOfThisSubtask() == 0) {
                SECOND_STAGE_OPENED.countDown();
                RELEASE_SECOND_STAGE.await();
            }
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    private static List<Long> runSumsByKey(Configuration conf, boolean hold, Runnable whileHeld) throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        TestingCollectSink<Long> sink = new TestingCollectSink<>();
        env.fromSequence(1, 200_000)
                .keyBy(v -> v % 10).reduce(Long::sum)
                .map(new HoldSecondStage(hold))
                .addSink(sink);
        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            var result = cluster.submitJob(env.getJobGraph("sums on " + (hold ? "hdfs" : "local disk")),
                    HdfsBlockingShuffleITCase.class.getClassLoader());
            if (hold) {
                try {
                    assertTrue(SECOND_STAGE_OPENED.await(60, TimeUnit.SECONDS));
                    whileHeld.run();
                } finally {
                    RELEASE_SECOND_STAGE.countDown();
                }
            }
            result.get(120, TimeUnit.SECONDS);
        }
        List<Long> sums = new ArrayList<>(sink.drain());
        sums.sort(null);
        return sums;
    }

    private static long filesBelow(FileSystem fs, org.apache.hadoop.fs.Path dir) throws IOException {
        if (!fs.exists(dir)) {
            return 0;
        }
        long files = 0;
        for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true); it.hasNext(); it.next()) {
            files++;
        }
        return files;
    }

    @Test
    void batchJobOnHdfsSpillGivesTheLocalResultAndLeavesNoFiles() throws Exception {
        List<Long> local = runSumsByKey(new Configuration(), false, null);

        String root = hdfs.uri() + "/shuffle";
        Configuration conf = new Configuration();
        conf.setString(BlockingShuffleOptions.STORAGE.key(), root);
        conf.setString("flink.hadoop.fs.defaultFS", hdfs.uri().toString());
        FileSystem fs = hdfs.cluster().getFileSystem();
        long[] duringJob = new long[1];
        List<Long> onHdfs = runSumsByKey(conf, true, () -> {
            try {
                duringJob[0] = filesBelow(fs, new org.apache.hadoop.fs.Path(root));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        assertEquals(10, local.size());
        assertEquals(local, onHdfs);
        assertTrue(duringJob[0] > 0, "the first stage's partitions are on HDFS while the second stage runs");
        assertEquals(0, filesBelow(fs, new org.apache.hadoop.fs.Path(root)), "no partition file left after the job");
    }
}
