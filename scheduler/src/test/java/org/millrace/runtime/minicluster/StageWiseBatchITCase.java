package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.BatchShuffleMode;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

@Timeout(120)
class StageWiseBatchITCase {

    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MAX_RUNNING = new AtomicInteger();

    /** Counts how many subtasks of the job's operators are open at the same time. */
    static final class ConcurrencyProbe extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext ctx) {
            MAX_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        }

        @Override
        public Long map(Long value) {
            return value;
        }

        @Override
        public void close() {
            RUNNING.decrementAndGet();
        }
    }

    private static JobGraph threeStageJob(Configuration conf, TestingCollectSink<Long> sink) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(4);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSequence(1, 100_000).map(new ConcurrencyProbe())         // stage 1
                .keyBy(v -> v % 100).reduce(Long::sum).map(new ConcurrencyProbe()) // stage 2: 100 partial sums
                .keyBy(v -> 0L).reduce(Long::sum).map(new ConcurrencyProbe())      // stage 3: the total
                .addSink(sink);
        return env.getJobGraph("three stages");
    }

    @Test
    void batchJobOfParallelismFourWithThreeStagesCompletesInTwoSlotsAndLeavesNoSpillFiles() throws Exception {
        TestingCollectSink<Long> sink = new TestingCollectSink<>();
        Configuration conf = new Configuration();
        JobGraph job = threeStageJob(conf, sink);
        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            cluster.submitJob(job, getClass().getClassLoader()).get(60, TimeUnit.SECONDS);
            assertEquals(List.of(5_000_050_000L), sink.drain());
            assertTrue(MAX_RUNNING.get() <= 2, "at most 2 subtasks at once, saw " + MAX_RUNNING.get());
            Path spill = Paths.get(cluster.getShuffleEnvironment().getSpillDirectory());
            if (Files.exists(spill)) {
                try (Stream<Path> left = Files.walk(spill)) {
                    assertEquals(List.of(spill), left.toList(), "spill files left after the job");
                }
            }
        }
    }

    @Test
    void pipelinedBatchShuffleNeedsASlotPerParallelSubtask() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.BATCH_SHUFFLE_MODE, BatchShuffleMode.ALL_EXCHANGES_PIPELINED);
        JobGraph job = threeStageJob(conf, new TestingCollectSink<>());
        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            Exception e = assertThrows(Exception.class, () -> cluster.submitJob(job, getClass().getClassLoader()).get());
            assertTrue(e.getMessage().contains("needs 4 slots but only 2"), e.getMessage());
        }
    }

    private static final java.util.concurrent.CountDownLatch LAST_STAGE_OPENED = new java.util.concurrent.CountDownLatch(1);
    private static final java.util.concurrent.CountDownLatch RELEASE_LAST_STAGE = new java.util.concurrent.CountDownLatch(1);

    /** Signals that the last stage runs, then holds it until the test lets go. */
    static final class HoldingLastStage extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext ctx) throws InterruptedException {
            LAST_STAGE_OPENED.countDown();
            RELEASE_LAST_STAGE.await();
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void slotsTheRemainingStagesCannotUseAreGivenBack() throws Exception {
        Configuration conf = new Configuration();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        TestingCollectSink<Long> sink = new TestingCollectSink<>();
        env.fromSequence(1, 1_000)
                .keyBy(v -> 0L).reduce(Long::sum).setParallelism(1)
                .map(new HoldingLastStage()).setParallelism(1)
                .addSink(sink).setParallelism(1);
        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            var result = cluster.submitJob(env.getJobGraph("shrinking stages"), getClass().getClassLoader());
            try {
                assertTrue(LAST_STAGE_OPENED.await(60, TimeUnit.SECONDS));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (cluster.getResourceManager().freeSlots() != 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10); // polling an observable condition: the release follows the last stage's deployment
                }
                assertEquals(1, cluster.getResourceManager().freeSlots(), "the slot the last stage cannot use is free");
            } finally {
                RELEASE_LAST_STAGE.countDown();
            }
            result.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(500_500L), sink.drain());
            assertEquals(2, cluster.getResourceManager().freeSlots());
        }
    }
}
