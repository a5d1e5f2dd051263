package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.util.Collector;

/**
 * A checkpointed job that fails after a checkpoint resumes from it: sources continue from their
 * checkpointed positions (not from the start) and keyed state holds every record exactly once, so
 * the per-key counts and sums after the failure equal those of a run without one — on the heap and
 * on RocksDB with incremental checkpoints.
 */
@Timeout(180)
class CheckpointRecoveryITCase {

    /** Records on the heap; RocksDB (microseconds per state access) gets a tenth, for the same run time. */
    private static final long HEAP_RECORDS = 3_000_000;
    private static final int KEYS = 100;

    /** The last (count, sum) each key's counter emitted. */
    private static final Map<Long, Tuple3<Long, Long, Long>> LATEST = new ConcurrentHashMap<>();

    /** Counts and sums each key's values in keyed state, emitting the running totals. */
    static final class CountAndSum extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;

        @Override
        public void open(org.millrace.api.common.functions.OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Long, Long, Long>> out) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            long s = sum.value() == null ? value : sum.value() + value;
            count.update(c);
            sum.update(s);
            out.collect(Tuple3.of(value % KEYS, c, s));
        }
    }

    /** Keeps the latest totals per key (an upsert: a replayed record overwrites, it does not add). */
    static final class LatestPerKey implements SinkFunction<Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Tuple3<Long, Long, Long> value) {
            LATEST.put(value.f0, value);
        }
    }

    @BeforeEach
    void forgetEarlierOutput() {
        LATEST.clear();
    }

    @ParameterizedTest(name = "state.backend.type: {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void jobResumesFromItsLatestCheckpointWithKeyedStateExactlyOnce(String backend, @TempDir Path checkpoints)
            throws Exception {
        long records = backend.equals("rocksdb") ? HEAP_RECORDS / 10 : HEAP_RECORDS;
        Configuration conf = StateBackendsUnderTest.use(FailureInjector.restartingConfiguration(checkpoints, 2), backend,
                checkpoints.resolve("rocksdb-local"));
        FailureInjector failure = new FailureInjector(0, 1, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(50);
        env.fromSequence(0, records - 1)
                .map(failure)
                .keyBy(v -> v % KEYS)
                .process(new CountAndSum())
                .addSink(new LatestPerKey());

        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            cluster.submitJob(env.getJobGraph("exactly-once counters"), getClass().getClassLoader()).get(150, TimeUnit.SECONDS);
        }

        assertEquals(1, failure.injectedFailures(), "the failure must have been injected once (after a completed checkpoint)");
        assertTrue(failure.readAfterFailures() > 0 && failure.readAfterFailures() < records / 2,
                "source subtask 0 resumed from its checkpointed position, not from the start: read "
                        + failure.readAfterFailures() + " of its " + records / 2 + " records again");
        StateBackendsUnderTest.assertKeyedStateWasIn(backend.equals("rocksdb"), checkpoints.resolve("rocksdb-local"));
        assertEquals(KEYS, LATEST.size());
        for (long key = 0; key < KEYS; key++) {
            long count = records / KEYS;
            // values key, key + KEYS, ..., key + (count - 1) * KEYS
            long sum = count * key + KEYS * count * (count - 1) / 2;
            assertEquals(Tuple3.of(key, count, sum), LATEST.get(key), "totals of key " + key);
        }
    }
}
