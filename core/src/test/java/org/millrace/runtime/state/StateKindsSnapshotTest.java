package org.millrace.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.functions.AggregateFunction;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.api.common.state.AggregatingState;
import org.millrace.api.common.state.AggregatingStateDescriptor;
import org.millrace.api.common.state.ListState;
import org.millrace.api.common.state.ListStateDescriptor;
import org.millrace.api.common.state.MapState;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.streaming.api.checkpoint.CheckpointedFunction;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.streaming.api.operators.KeyedProcessOperator;
import org.millrace.streaming.api.operators.StreamMap;
import org.millrace.streaming.util.OneInputStreamOperatorTestHarness;
import org.millrace.util.Collector;

/**
 * Every kind of state a function can hold comes back from a snapshot into a fresh operator
 * instance: keyed list, map and aggregating state, and the operator list state of a
 * {@link CheckpointedFunction}.
 */
class StateKindsSnapshotTest {

    /** Per key: the words seen (list), how often each (map), their average length (aggregating). */
    static final class WordStats extends KeyedProcessFunction<String, Tuple2<String, String>, String> {
        private transient ListState<String> words;
        private transient MapState<String, Integer> counts;
        private transient AggregatingState<String, Double> averageLength;

        @Override
        public void open(OpenContext context) {
            words = getRuntimeContext().getListState(new ListStateDescriptor<>("words", Types.STRING));
            counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("counts", Types.STRING, Types.INT));
            averageLength = getRuntimeContext().getAggregatingState(new AggregatingStateDescriptor<>("average",
                    new AverageLength(), Types.TUPLE(Types.LONG, Types.LONG)));
        }

        @Override
        public void processElement(Tuple2<String, String> value, Context ctx, Collector<String> out) throws Exception {
            words.add(value.f1);
            Integer count = counts.get(value.f1);
            counts.put(value.f1, count == null ? 1 : count + 1);
            averageLength.add(value.f1);
            List<String> all = new ArrayList<>();
            words.get().forEach(all::add);
            out.collect(value.f0 + ":" + all + ":" + value.f1 + "x" + counts.get(value.f1) + ":avg=" + averageLength.get());
        }
    }

    /** (sum of lengths, count) as the accumulator of an average. */
    static final class AverageLength implements AggregateFunction<String, Tuple2<Long, Long>, Double> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(String value, Tuple2<Long, Long> accumulator) {
            return Tuple2.of(accumulator.f0 + value.length(), accumulator.f1 + 1);
        }

        @Override
        public Double getResult(Tuple2<Long, Long> accumulator) {
            return (double) accumulator.f0 / accumulator.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    /** Numbers its records; the count is operator list state, so it continues after a restore. */
    static final class Numbering extends RichMapFunction<String, String> implements CheckpointedFunction {
        private transient ListState<Long> checkpointed;
        private long count;

        @Override
        public String map(String value) {
            return value + "#" + (++count);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            checkpointed.update(List.of(count));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            checkpointed = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("count", Types.LONG));
            for (Long restored : checkpointed.get()) {
                count += restored;
            }
        }
    }

    private static OneInputStreamOperatorTestHarness<Tuple2<String, String>, String> wordStats() {
        return new OneInputStreamOperatorTestHarness<>(p -> new KeyedProcessOperator<>(p, new WordStats()), t -> t.f0);
    }

    @Test
    void keyedListMapAndAggregatingStateComeBackFromASnapshot() throws Exception {
        var before = wordStats();
        before.initializeState(new OneInputStreamOperatorTestHarness.Snapshot(null, emptyOperatorState()));
        before.open();
        before.processElement(Tuple2.of("a", "x"), 1);
        before.processElement(Tuple2.of("a", "yyy"), 2);
        before.processElement(Tuple2.of("b", "x"), 3);
        var snapshot = before.snapshot(1);
        before.processElement(Tuple2.of("a", "lost"), 4);
        before.close();

        var after = wordStats();
        after.initializeState(snapshot);
        after.open();
        after.processElement(Tuple2.of("a", "x"), 5);
        after.processElement(Tuple2.of("b", "zz"), 6);
        assertEquals(List.of("a:[x, yyy, x]:xx2:avg=1.6666666666666667", "b:[x, zz]:zzx1:avg=1.5"), after.extractOutputValues());
    }

    @Test
    void operatorListStateOfACheckpointedFunctionComesBackFromASnapshot() throws Exception {
        var before = new OneInputStreamOperatorTestHarness<String, String>(p -> new StreamMap<>(p, new Numbering()), null);
        before.initializeState(new OneInputStreamOperatorTestHarness.Snapshot(null, emptyOperatorState()));
        before.open();
        before.processElement("a", 1);
        before.processElement("b", 2);
        var snapshot = before.snapshot(1);
        before.processElement("lost", 3);

        var after = new OneInputStreamOperatorTestHarness<String, String>(p -> new StreamMap<>(p, new Numbering()), null);
        after.initializeState(snapshot);
        after.open();
        after.processElement("c", 4);
        assertEquals(List.of("a#1", "b#2", "lost#3"), before.extractOutputValues());
        assertEquals(List.of("c#3"), after.extractOutputValues());
    }

    private static byte[] emptyOperatorState() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new OperatorStateStore().write(bytes);
        return bytes.toByteArray();
    }
}
