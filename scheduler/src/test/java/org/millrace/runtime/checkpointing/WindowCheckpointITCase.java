package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Event-time windows in a checkpointed job that fails: the windows' contents and their timers are
 * in the checkpoint, so after the restore every window of every key counts exactly its records —
 * on the heap and on RocksDB (window contents in RocksDB, timers on the heap beside it).
 */
@Timeout(180)
class WindowCheckpointITCase {

    /** As many as {@link SavepointRescaleITCase.ThrottledSequence} emits, slowly enough for checkpoints to complete meanwhile. */
    private static final long RECORDS = 200_000;
    private static final int KEYS = 10;
    /** (key, window) -> the count the window last emitted (an upsert: a re-fired window overwrites). */
    private static final Map<String, Long> COUNTS = new ConcurrentHashMap<>();

    /** Keeps each window's latest count. */
    static final class WindowCounts implements SinkFunction<Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Tuple3<Long, Long, Long> window) {
            COUNTS.put(window.f0 + "@" + window.f1, window.f2);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierOutput() {
        COUNTS.clear();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "state.backend.type: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hashmap", "rocksdb"})
    void tumblingWindowCountsAreExactAfterARestore(String backend, @TempDir Path tmp) throws Exception {
        Configuration conf = StateBackendsUnderTest.use(FailureInjector.restartingConfiguration(tmp, 2), backend,
                tmp.resolve("rocksdb-local"));
        FailureInjector failure = new FailureInjector(0, 1, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(50);
        env.fromSource(new SavepointRescaleITCase.ThrottledSequence(), "numbers",
                        org.millrace.api.common.typeinfo.TypeInformation.of(Long.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((value, previous) -> value))
                .map(failure)
                .map(v -> Tuple3.of(v % KEYS, v / 1000, 1L))
                .returns(new org.millrace.api.common.typeinfo.TypeHint<Tuple3<Long, Long, Long>>() {})
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce((a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2))
                .addSink(new WindowCounts());

        try (MiniCluster cluster = new MiniCluster(conf, 2)) {
            cluster.submitJob(env.getJobGraph("windows across a restore"), getClass().getClassLoader()).get(150, TimeUnit.SECONDS);
        }

        assertEquals(1, failure.injectedFailures());
        StateBackendsUnderTest.assertKeyedStateWasIn(backend.equals("rocksdb"), tmp.resolve("rocksdb-local"));
        assertEquals(KEYS * RECORDS / 1000, COUNTS.size(), "one result per key and window");
        COUNTS.forEach((window, count) -> assertEquals(1000 / KEYS, count, "records of key@window " + window));
    }
}
