package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.util.Collector;

@Timeout(120)
class DataStreamOperationsITCase {

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    /** Tags each record with the index of the subtask that saw it and counts records in an accumulator. */
    static final class TagWithSubtask extends RichMapFunction<Long, Tuple2<Integer, Long>> {
        @Override
        public Tuple2<Integer, Long> map(Long value) {
            getRuntimeContext().getLongCounter("records").add(1L);
            return Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), value);
        }
    }

    private static Map<Integer, Set<Long>> bySubtask(List<Tuple2<Integer, Long>> rows) {
        Map<Integer, Set<Long>> result = new HashMap<>();
        for (Tuple2<Integer, Long> row : rows) {
            result.computeIfAbsent(row.f0, k -> new HashSet<>()).add(row.f1);
        }
        return result;
    }

    @Test
    void accumulatorsOfAllSubtasksAreMergedIntoTheJobResult() throws Exception {
        StreamExecutionEnvironment env = env(3);
        TestingCollectSink<Tuple2<Integer, Long>> sink = new TestingCollectSink<>();
        env.fromSequence(1, 9_999).rebalance().map(new TagWithSubtask()).addSink(sink);
        JobExecutionResult result = env.execute("accumulators");
        assertEquals(9_999L, (Long) result.getAccumulatorResult("records"));
        assertEquals(3, bySubtask(sink.drain()).size(), "rebalance reaches every subtask");
        assertTrue(result.getNetRuntime() >= 0);
    }

    @Test
    void broadcastDeliversEveryRecordToEverySubtask() throws Exception {
        StreamExecutionEnvironment env = env(3);
        TestingCollectSink<Tuple2<Integer, Long>> sink = new TestingCollectSink<>();
        env.fromSequence(1, 100).setParallelism(1).broadcast().map(new TagWithSubtask()).addSink(sink);
        env.execute("broadcast");
        Set<Long> all = LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toSet());
        assertEquals(Map.of(0, all, 1, all, 2, all), bySubtask(sink.drain()));
    }

    @Test
    void globalSendsEverythingToTheFirstSubtask() throws Exception {
        StreamExecutionEnvironment env = env(3);
        TestingCollectSink<Tuple2<Integer, Long>> sink = new TestingCollectSink<>();
        env.fromSequence(1, 100).global().map(new TagWithSubtask()).addSink(sink);
        env.execute("global");
        assertEquals(Set.of(0), bySubtask(sink.drain()).keySet());
    }

    @Test
    void partitionCustomRoutesByTheUsersPartitioner() throws Exception {
        StreamExecutionEnvironment env = env(3);
        TestingCollectSink<Tuple2<Integer, Long>> sink = new TestingCollectSink<>();
        env.fromSequence(0, 299).partitionCustom((Long key, int n) -> (int) (key % n), v -> v)
                .map(new TagWithSubtask()).addSink(sink);
        env.execute("custom");
        for (Tuple2<Integer, Long> row : sink.drain()) {
            assertEquals(row.f1 % 3, (long) row.f0, "record " + row.f1);
        }
    }

    @Test
    void keyByDeliversAllRecordsOfAKeyToOneSubtask() throws Exception {
        StreamExecutionEnvironment env = env(4);
        TestingCollectSink<Tuple2<Integer, Long>> sink = new TestingCollectSink<>();
        env.fromSequence(0, 9_999).keyBy(v -> v % 50).map(new TagWithSubtask()).addSink(sink);
        env.execute("keyBy");
        Map<Long, Set<Integer>> subtasksPerKey = new HashMap<>();
        List<Tuple2<Integer, Long>> rows = sink.drain();
        for (Tuple2<Integer, Long> row : rows) {
            subtasksPerKey.computeIfAbsent(row.f1 % 50, k -> new HashSet<>()).add(row.f0);
        }
        assertEquals(10_000, rows.size());
        assertEquals(50, subtasksPerKey.size());
        subtasksPerKey.forEach((key, subtasks) -> assertEquals(1, subtasks.size(), "key " + key + " on " + subtasks));
    }

    @Test
    void unionMergesStreamsAndRescaleShuffleKeepEveryRecord() throws Exception {
        StreamExecutionEnvironment env = env(2);
        TestingCollectSink<Long> sink = new TestingCollectSink<>();
        env.fromSequence(0, 499).union(env.fromSequence(500, 999)).rescale().map(v -> v).shuffle().filter(v -> true).addSink(sink);
        env.execute("union");
        assertEquals(LongStream.range(0, 1000).boxed().collect(Collectors.toSet()), new HashSet<>(sink.drain()));
    }

    /** Counts per key in keyed state and emits (key, count) per record. */
    static final class CountPerKey extends KeyedProcessFunction<String, String, Tuple2<String, Integer>> {
        private transient ValueState<Integer> count;

        @Override
        public void open(org.millrace.api.common.functions.OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<Tuple2<String, Integer>> out) throws Exception {
            Integer c = count.value();
            int next = c == null ? 1 : c + 1;
            count.update(next);
            out.collect(Tuple2.of(ctx.getCurrentKey(), next));
        }
    }

    @Test
    void keyedProcessFunctionKeepsStatePerKey() throws Exception {
        StreamExecutionEnvironment env = env(2);
        TestingCollectSink<Tuple2<String, Integer>> sink = new TestingCollectSink<>();
        env.fromElements("a", "b", "a", "c", "a", "b").keyBy(s -> s).process(new CountPerKey()).addSink(sink);
        env.execute("keyed state");
        Map<String, Integer> max = new HashMap<>();
        List<Tuple2<String, Integer>> rows = sink.drain();
        rows.forEach(r -> max.merge(r.f0, r.f1, Math::max));
        assertEquals(6, rows.size());
        assertEquals(Map.of("a", 3, "b", 2, "c", 1), max);
    }

    @Test
    void builtInAggregationsByFieldPositionAndName() throws Exception {
        StreamExecutionEnvironment env = env(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        List<Tuple3<String, Integer, Long>> input = List.of(
                Tuple3.of("x", 5, 1L), Tuple3.of("x", 2, 2L), Tuple3.of("y", 7, 3L), Tuple3.of("x", 9, 4L));
        TestingCollectSink<Tuple3<String, Integer, Long>> min = new TestingCollectSink<>();
        TestingCollectSink<Tuple3<String, Integer, Long>> maxBy = new TestingCollectSink<>();
        TestingCollectSink<Tuple3<String, Integer, Long>> sum = new TestingCollectSink<>();
        env.fromCollection(input).keyBy(0).min(1).addSink(min);
        env.fromCollection(input).keyBy("f0").maxBy("f1").addSink(maxBy);
        env.fromCollection(input).keyBy(t -> t.f0).sum(2).addSink(sum);
        env.execute("aggregations");
        assertEquals(Set.of(Tuple3.of("x", 2, 1L), Tuple3.of("y", 7, 3L)), new HashSet<>(min.drain()));
        assertEquals(Set.of(Tuple3.of("x", 9, 4L), Tuple3.of("y", 7, 3L)), new HashSet<>(maxBy.drain()));
        assertEquals(Set.of(Tuple3.of("x", 5, 7L), Tuple3.of("y", 7, 3L)), new HashSet<>(sum.drain()));
    }

    @Test
    void batchSumsOfPrimitiveFieldsMatchJavaArithmeticIncludingOverflow() throws Exception {
        StreamExecutionEnvironment env = env(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        TestingCollectSink<Tuple3<String, Integer, Double>> sink = new TestingCollectSink<>();
        env.fromElements(Tuple3.of("k", Integer.MAX_VALUE, 0.1), Tuple3.of("k", 1, 0.2), Tuple3.of("j", -5, 1.5))
                .keyBy(t -> t.f0).sum(1).addSink(sink);
        TestingCollectSink<Tuple3<String, Integer, Double>> doubles = new TestingCollectSink<>();
        env.fromElements(Tuple3.of("k", 1, 0.1), Tuple3.of("k", 1, 0.2), Tuple3.of("k", 1, 0.3))
                .keyBy(t -> t.f0).sum(2).addSink(doubles);
        env.execute("primitive sums");
        assertEquals(Set.of(Tuple3.of("k", Integer.MIN_VALUE, 0.1), Tuple3.of("j", -5, 1.5)), new HashSet<>(sink.drain()));
        assertEquals(List.of(Tuple3.of("k", 1, 0.1 + 0.2 + 0.3)), doubles.drain());
    }
}
