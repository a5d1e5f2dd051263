package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.MemorySize;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.connector.datagen.source.DataGeneratorSource;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.shuffle.buffer.NetworkBufferPool;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;

@Timeout(120)
class BackpressureITCase {

    private static final long RECORDS = 2_000_000;
    private static final AtomicLong GENERATED = new AtomicLong();
    private static final AtomicLong SUNK = new AtomicLong();
    private static final CountDownLatch SINK_MAY_RUN = new CountDownLatch(1);

    /** A sink that does not consume anything until the test lets it. */
    static final class GatedSink implements SinkFunction<Long> {
        @Override
        public void invoke(Long value) throws InterruptedException {
            SINK_MAY_RUN.await();
            SUNK.incrementAndGet();
        }
    }

    @Test
    void slowSinkMakesTheSourceWaitWithinTheConfiguredNetworkMemory() throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("1 mb"));
        conf.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse("32 kb"));
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(1);
        env.fromSource(new DataGeneratorSource<>(i -> {
                    GENERATED.incrementAndGet();
                    return i;
                }, RECORDS, Types.LONG), "Fast Source")
                .rebalance()
                .addSink(new GatedSink());
        JobGraph jobGraph = env.getJobGraph("backpressure");

        try (MiniCluster cluster = new MiniCluster(conf, 1)) {
            NetworkBufferPool pool = cluster.getShuffleEnvironment().getNetworkBufferPool();
            assertEquals(32, pool.getTotalNumberOfSegments());
            CompletableFuture<JobExecutionResult> result = cluster.submitJob(jobGraph, getClass().getClassLoader());

            // The source fills the buffers it may use and then has to wait for the sink.
            long generatedWhileBlocked = awaitSourceParked("Source: Fast Source");
            assertTrue(generatedWhileBlocked < RECORDS,
                    "the source ran to the end although the sink consumed nothing: " + generatedWhileBlocked);
            // 8-byte longs in 32 KiB buffers: at most the 32 buffers of the pool can be full
            assertTrue(generatedWhileBlocked <= 32L * 32 * 1024 / 13 + 10_000, "generated " + generatedWhileBlocked);
            assertFalse(result.isDone());
            assertTrue(pool.getMaxSegmentsEverInUse() <= pool.getTotalNumberOfSegments());
            // the metrics show it: the source's parked time counts as back-pressured, growing while it waits
            long before = sourceMetrics(cluster, jobGraph).backPressuredMillis();
            awaitBackPressuredBeyond(cluster, jobGraph, before + 50);

            SINK_MAY_RUN.countDown();
            result.get(60, TimeUnit.SECONDS);
            assertEquals(RECORDS, SUNK.get());
            assertEquals(RECORDS, GENERATED.get());
            assertTrue(pool.getMaxSegmentsEverInUse() <= 32, "max in use " + pool.getMaxSegmentsEverInUse());
        }
    }

    private static org.millrace.runtime.metrics.TaskIOMetrics.Snapshot sourceMetrics(MiniCluster cluster, JobGraph jobGraph) {
        return cluster.getTaskIOMetrics(jobGraph.getJobID()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("Source: Fast Source")).findFirst().orElseThrow().getValue();
    }

    private static void awaitBackPressuredBeyond(MiniCluster cluster, JobGraph jobGraph, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            // the wait is accounted when the source wakes up (every second at the latest, or when a buffer frees)
            if (sourceMetrics(cluster, jobGraph).backPressuredMillis() >= millis) {
                return;
            }
            Thread.sleep(20); // poll interval of a condition check
        }
        throw new AssertionError("source not reported as back-pressured: " + sourceMetrics(cluster, jobGraph));
    }

    /**
     * Waits until the source task's thread is parked (waiting for a buffer) twice in a row with no
     * record generated in between, and returns how many records it had generated by then.
     */
    private static long awaitSourceParked(String taskNamePrefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long previous = -1;
        while (System.nanoTime() < deadline) {
            Thread source = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(taskNamePrefix)).findFirst().orElse(null);
            Thread.State state = source == null ? null : source.getState();
            long generated = GENERATED.get();
            boolean parked = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
            if (parked && generated > 0 && generated == previous) {
                return generated;
            }
            previous = parked ? generated : -1;
            Thread.sleep(20); // poll interval of a condition check, not a synchronisation by time
        }
        throw new AssertionError("the source never waited for the sink; generated " + GENERATED.get());
    }
}
