package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.SavepointConfigOptions;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.streaming.api.source.IndexedSource;
import org.millrace.util.Collector;

/**
 * Savepoints for upgrades and rescaling: a job is stopped with a savepoint, resumed from it at
 * parallelism 3, stopped again and resumed at parallelism 1; its keyed counters and its source's
 * position survive both hops exactly, and a savepoint naming state the job lacks is refused.
 * Savepoints are in the canonical format whatever the backend, so each run may use another one.
 */
@Timeout(240)
class SavepointRescaleITCase {

    static final long RECORDS = 200_000;
    private static final int KEYS = 64;
    private static final Map<Long, Tuple3<Long, Long, Long>> LATEST = new ConcurrentHashMap<>();

    /** The indices as records, at most about 50,000 per second per subtask, so savepoints come mid-way. */
    static final class ThrottledSequence extends IndexedSource<Long> {
        private static final long serialVersionUID = 1L;

        ThrottledSequence() {
            super(RECORDS);
        }

        @Override
        protected Long recordAt(long index) throws InterruptedException {
            if (index % 50 == 0) {
                Thread.sleep(1); // a throttled source, not synchronisation
            }
            return index;
        }
    }

    /** Counts and sums each key's values in keyed state. */
    static final class CountAndSum extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Tuple3<Long, Long, Long>> totals;

        @Override
        public void open(org.millrace.api.common.functions.OpenContext context) {
            totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals",
                    TypeInformation.of(new org.millrace.api.common.typeinfo.TypeHint<Tuple3<Long, Long, Long>>() {})));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Long, Long, Long>> out) throws Exception {
            Tuple3<Long, Long, Long> t = totals.value();
            Tuple3<Long, Long, Long> next = t == null ? Tuple3.of(value % KEYS, 1L, value) : Tuple3.of(t.f0, t.f1 + 1, t.f2 + value);
            totals.update(next);
            out.collect(next);
        }
    }

    /** Records the job without the counter read, in this JVM. */
    private static final java.util.concurrent.atomic.AtomicLong READ_WITHOUT_COUNTER = new java.util.concurrent.atomic.AtomicLong();

    /** Counts what reaches it into {@link #READ_WITHOUT_COUNTER}. */
    static final class CountRecords implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value) {
            READ_WITHOUT_COUNTER.incrementAndGet();
        }
    }

    static final class LatestPerKey implements SinkFunction<Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Tuple3<Long, Long, Long> value) {
            LATEST.put(value.f0, value);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierOutput() {
        forgetOutput();
    }

    static void forgetOutput() {
        LATEST.clear();
    }

    /** Every key's latest totals are those of all {@link #RECORDS} records. */
    static void assertEveryKeyExact(String when) {
        assertEquals(KEYS, LATEST.size());
        for (long key = 0; key < KEYS; key++) {
            long count = RECORDS / KEYS;
            long sum = count * key + KEYS * count * (count - 1) / 2;
            assertEquals(Tuple3.of(key, count, sum), LATEST.get(key), "totals of key " + key + " " + when);
        }
    }

    static JobGraph job(Configuration conf, int parallelism, boolean withCounter) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(200);
        var numbers = env.fromSource(new ThrottledSequence(), "numbers", TypeInformation.of(Long.class)).uid("numbers");
        if (withCounter) {
            numbers.keyBy(v -> v % KEYS).process(new CountAndSum()).uid("counter").addSink(new LatestPerKey()).uid("sink");
        } else {
            numbers.addSink(new CountRecords()).uid("discard");
        }
        return env.getJobGraph("counters at parallelism " + parallelism);
    }

    /** {@code backends}: the state backend of the runs at parallelism 2, 3 and 1. */
    @org.junit.jupiter.params.ParameterizedTest(name = "backends {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hashmap hashmap hashmap", "hashmap rocksdb hashmap",
            "rocksdb rocksdb rocksdb"})
    void savepointCancelAndResumeAtAnotherParallelismKeepsEveryKeysState(String backends, @TempDir Path tmp)
            throws Exception {
        String[] backend = backends.split(" ");
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), tmp.resolve("checkpoints").toUri().toString());
        String savepoints = tmp.resolve("savepoints").toUri().toString();
        Path local = tmp.resolve("rocksdb-local");
        try (MiniCluster cluster = new MiniCluster(conf, 3)) {
            String first = stopWithSavepointMidway(cluster,
                    job(StateBackendsUnderTest.use(new Configuration(conf), backend[0], local), 2, true), savepoints, 0);
            long countAtFirst = LATEST.get(0L).f1;

            Configuration resumed = StateBackendsUnderTest.use(new Configuration(conf), backend[1], local);
            resumed.setString(SavepointConfigOptions.SAVEPOINT_PATH.key(), first);
            String second = stopWithSavepointMidway(cluster, job(resumed, 3, true), savepoints, countAtFirst);

            Configuration last = StateBackendsUnderTest.use(new Configuration(conf), backend[2], local);
            last.setString(SavepointConfigOptions.SAVEPOINT_PATH.key(), second);
            JobGraph finalRun = job(last, 1, true);
            cluster.submitJob(finalRun, getClass().getClassLoader()).get(180, TimeUnit.SECONDS);
        }

        assertEveryKeyExact("after 2 -> 3 -> 1");
        StateBackendsUnderTest.assertKeyedStateWasIn(backends.contains("rocksdb"), local);
    }

    @Test
    void savepointWithStateTheJobLacksIsRefusedUnlessAllowed(@TempDir Path tmp) throws Exception {
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), tmp.resolve("checkpoints").toUri().toString());
        try (MiniCluster cluster = new MiniCluster(conf, 3)) {
            String savepoint = stopWithSavepointMidway(cluster, job(conf, 2, true), tmp.resolve("sp").toUri().toString(), 0);

            Configuration withoutCounter = new Configuration(conf);
            withoutCounter.setString(SavepointConfigOptions.SAVEPOINT_PATH.key(), savepoint);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> cluster
                    .submitJob(job(withoutCounter, 2, false), getClass().getClassLoader()).get(60, TimeUnit.SECONDS));
            assertTrue(rootMessage(refused).contains("--allowNonRestoredState"), rootMessage(refused));

            withoutCounter.setString(SavepointConfigOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE.key(), "true");
            READ_WITHOUT_COUNTER.set(0);
            cluster.submitJob(job(withoutCounter, 2, false), getClass().getClassLoader()).get(180, TimeUnit.SECONDS);
            long read = READ_WITHOUT_COUNTER.get();
            assertTrue(read > 0 && read < RECORDS, "the source resumed at the savepoint's positions (the counter's"
                    + " state dropped): read " + read + " of " + RECORDS + " records");
        }
    }

    /**
     * Submits the job, waits until key 0's count passed {@code beyondCount}, then stops it with a
     * savepoint (retrying while not all of its tasks run yet); the savepoint's path.
     */
    private String stopWithSavepointMidway(MiniCluster cluster, JobGraph job, String target, long beyondCount)
            throws Exception {
        CompletableFuture<JobExecutionResult> result = cluster.submitJob(job, getClass().getClassLoader());
        awaitCondition(() -> LATEST.containsKey(0L) && LATEST.get(0L).f1 > beyondCount + 10, "records flowing");
        String path = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (path == null) {
            try {
                path = cluster.getDispatcher().triggerSavepoint(job.getJobID(), target, org.millrace.runtime.checkpoint.SavepointType.STOP).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertTrue(System.nanoTime() < deadline, "no savepoint: " + rootMessage(e));
                Thread.sleep(50); // retry pace while the job's tasks are still being deployed
            }
        }
        ExecutionException cancelled = assertThrows(ExecutionException.class, () -> result.get(60, TimeUnit.SECONDS));
        assertTrue(rootMessage(cancelled).contains("cancelled"), rootMessage(cancelled));
        assertTrue(Files.exists(Path.of(java.net.URI.create(path)).resolve("_metadata")), path);
        assertTrue(LATEST.get(0L).f1 < RECORDS / KEYS, "the job was stopped mid-way");
        return path;
    }

    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(10); // polling pace
        }
    }

    private static String rootMessage(Throwable t) {
        StringBuilder messages = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append(" / ");
        }
        return messages.toString();
    }
}
