package org.millrace.streaming.api.datastream;

import java.time.Duration;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.typeutils.FieldAccessor;
import org.millrace.api.java.typeutils.FieldAccessors;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.runtime.state.KeyGroupRangeAssignment;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.streaming.api.functions.aggregation.ComparableAggregator;
import org.millrace.streaming.api.functions.aggregation.SumAggregator;
import org.millrace.streaming.api.functions.co.ProcessJoinFunction;
import org.millrace.streaming.api.graph.StreamNode;
import org.millrace.streaming.api.operators.BatchGroupedReduceOperator;
import org.millrace.streaming.api.operators.BatchPrimitiveSumOperator;
import org.millrace.streaming.api.operators.ChainingStrategy;
import org.millrace.streaming.api.operators.KeyedProcessOperator;
import org.millrace.streaming.api.operators.PrimitiveSumKind;
import org.millrace.streaming.api.operators.StreamGroupedReduceOperator;
import org.millrace.streaming.api.operators.StreamMap;
import org.millrace.streaming.api.operators.StreamOperatorFactory;
import org.millrace.streaming.api.operators.StreamPrimitiveSumOperator;
import org.millrace.streaming.api.operators.co.IntervalJoinOperator;
import org.millrace.streaming.api.windowing.assigners.GlobalWindows;
import org.millrace.streaming.api.windowing.assigners.WindowAssigner;
import org.millrace.streaming.api.windowing.evictors.CountEvictor;
import org.millrace.streaming.api.windowing.triggers.CountTrigger;
import org.millrace.streaming.api.windowing.triggers.PurgingTrigger;
import org.millrace.streaming.api.windowing.windows.GlobalWindow;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.partitioner.KeyGroupStreamPartitioner;

/**
 * A stream partitioned by key: every record of a key is processed by the same subtask, which keeps
 * the key's state. Keyed aggregations emit a running result per record in STREAMING mode and one
 * final result per key in BATCH mode.
 */
public class KeyedStream<T, K> extends DataStream<T> {

    private final KeySelector<T, K> keySelector;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        super(input.environment, input.upstream, input.upstreamTags,
                new KeyGroupStreamPartitioner<>(keySelector, KeyGroupRangeAssignment.DEFAULT_LOWER_BOUND_MAX_PARALLELISM),
                input.type);
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    @Override
    public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outputType,
            StreamOperatorFactory<R> factory, Object userFunction) {
        SingleOutputStreamOperator<R> result = super.transform(operatorName, outputType, factory, userFunction);
        result.node.setInputKeySelector(keySelector);
        return result;
    }

    /** Combines each key's records with {@code reducer}. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        TypeInformation<T> streamType = type;
        return transform("Keyed Reduce", type, params ->
                params.getExecutionMode() == RuntimeExecutionMode.BATCH
                        ? new BatchGroupedReduceOperator<K, T>(params, reducer)
                        : new StreamGroupedReduceOperator<K, T>(params, reducer, streamType), reducer);
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(function, KeyedProcessFunction.class, 1, 2, type, "KeyedProcess");
        return process(function, outType);
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function, TypeInformation<R> outputType) {
        return transform("KeyedProcess", outputType, p -> new KeyedProcessOperator<K, T, R>(p, function), function);
    }

    /** Sums the field at {@code position}; the other fields are those of the key's first record. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return sum(FieldAccessors.forPosition(type, position));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return sum(FieldAccessors.forExpression(type, field));
    }

    /**
     * A field of a primitive-like type known at build time is summed as a primitive: in BATCH mode
     * into arrays that become results at the end of input ({@link BatchPrimitiveSumOperator}), in
     * STREAMING mode in a per-key running sum ({@link StreamPrimitiveSumOperator}). Any other
     * numeric field goes through the generic reduce.
     */
    private SingleOutputStreamOperator<T> sum(FieldAccessor<T, Object> field) {
        SumAggregator<T> aggregator = new SumAggregator<>(field, type.createSerializer());
        PrimitiveSumKind kind = PrimitiveSumKind.of(field.getFieldType().getTypeClass());
        TypeInformation<T> streamType = type;
        if (kind == null) {
            return aggregate(aggregator, "Sum");
        }
        KeyedStream<T, K> input = isBatchJob() ? combinedBeforeTheExchange(field, kind) : this;
        SingleOutputStreamOperator<T> result = input.transform("Keyed Reduce", type, params ->
                params.getExecutionMode() == RuntimeExecutionMode.BATCH
                        ? new BatchPrimitiveSumOperator<K, T>(params, field, kind)
                        : new StreamPrimitiveSumOperator<K, T>(params, aggregator, streamType, field, kind), aggregator);
        return result.name("Keyed Aggregation (Sum)");
    }

    private boolean isBatchJob() {
        return environment.getConfiguration().get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
    }

    /**
     * This stream with a combiner chained to its producer ({@link BatchPrimitiveSumOperator#combiner}),
     * so the keyed exchange carries a partial sum per key and producer subtask instead of every
     * record. Only for a BATCH job (a STREAMING sum emits per record) whose input comes from one
     * operator's main output; should the job run in STREAMING mode after all, the combiner passes
     * records through.
     */
    private KeyedStream<T, K> combinedBeforeTheExchange(FieldAccessor<T, Object> field, PrimitiveSumKind kind) {
        if (upstream.size() != 1 || upstreamTags.get(0) != null) {
            return this;
        }
        TypeInformation<T> streamType = type;
        StreamNode producer = upstream.get(0);
        StreamOperatorFactory<T> factory = params -> params.getExecutionMode() == RuntimeExecutionMode.BATCH
                ? BatchPrimitiveSumOperator.<K, T>combiner(params, field, kind, streamType.createSerializer())
                : new StreamMap<T, T>(params, value -> value);
        StreamNode combiner = environment.getStreamGraph().addNode("Combine (Sum)", factory, type,
                producer.getParallelism(), ChainingStrategy.ALWAYS);
        combiner.followParallelismOf(producer);
        combiner.setInputKeySelector(keySelector);
        environment.getStreamGraph().addEdge(producer, combiner, null);
        return new KeyedStream<>(new SingleOutputStreamOperator<>(environment, combiner, type), keySelector);
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return comparable(FieldAccessors.forPosition(type, position), ComparableAggregator.Kind.MIN, "Min");
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return comparable(FieldAccessors.forExpression(type, field), ComparableAggregator.Kind.MIN, "Min");
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return comparable(FieldAccessors.forPosition(type, position), ComparableAggregator.Kind.MAX, "Max");
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return comparable(FieldAccessors.forExpression(type, field), ComparableAggregator.Kind.MAX, "Max");
    }

    /** The record with the smallest value in the field (the first one on ties). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return comparable(FieldAccessors.forPosition(type, position), ComparableAggregator.Kind.MIN_BY, "MinBy");
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return comparable(FieldAccessors.forExpression(type, field), ComparableAggregator.Kind.MIN_BY, "MinBy");
    }

    /** The record with the largest value in the field (the first one on ties). */
    public SingleOutputStreamOperator<T> maxBy(int position) {
        return comparable(FieldAccessors.forPosition(type, position), ComparableAggregator.Kind.MAX_BY, "MaxBy");
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return comparable(FieldAccessors.forExpression(type, field), ComparableAggregator.Kind.MAX_BY, "MaxBy");
    }

    private SingleOutputStreamOperator<T> comparable(FieldAccessor<T, Object> accessor, ComparableAggregator.Kind kind, String name) {
        return aggregate(new ComparableAggregator<>(accessor, kind, type.createSerializer()), name);
    }

    private SingleOutputStreamOperator<T> aggregate(ReduceFunction<T> aggregator, String name) {
        SingleOutputStreamOperator<T> result = reduce(aggregator);
        result.name("Keyed Aggregation (" + name + ")");
        return result;
    }

    // ------------------------------------------------------------------ windows

    /** Cuts each key's records into the windows of {@code assigner}. */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Tumbling count windows: fires and purges every {@code size} records of a key. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Sliding count windows: every {@code slide} records of a key, the last {@code size} of them. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    // ------------------------------------------------------------------ interval join

    /**
     * Joins this stream's elements with those of {@code other} that have the same key and a
     * timestamp within an interval around theirs: {@code .between(lower, upper).process(f)}.
     */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> other) {
        return new IntervalJoin<>(this, other);
    }

    /** An interval join that needs its bounds. */
    public static class IntervalJoin<T1, T2, KEY> {
        private final KeyedStream<T1, KEY> left;
        private final KeyedStream<T2, KEY> right;

        IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
            this.left = left;
            this.right = right;
        }

        /** Pairs left {@code l} with right {@code r} when {@code l + lower <= r <= l + upper} (event time). */
        public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
            long lower = lowerBound.toMillis();
            long upper = upperBound.toMillis();
            if (lower > upper) {
                throw new IllegalArgumentException("An interval join's lower bound must not exceed its upper bound");
            }
            return new IntervalJoined<>(left, right, lower, upper);
        }
    }

    /** An interval join with its bounds: optionally exclusive bounds, then the join function. */
    public static class IntervalJoined<IN1, IN2, KEY> {
        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private long lowerBound;
        private long upperBound;

        IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
            this.left = left;
            this.right = right;
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
        }

        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            lowerBound++;
            return this;
        }

        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            upperBound--;
            return this;
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> function) {
            TypeInformation<OUT> outType = TypeExtractor.getUnaryOperatorReturnType(function, ProcessJoinFunction.class, 0, 2,
                    left.getType(), "IntervalJoin");
            return process(function, outType);
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> function,
                TypeInformation<OUT> outputType) {
            long lower = lowerBound;
            long upper = upperBound;
            TypeInformation<IN1> leftType = left.getType();
            TypeInformation<IN2> rightType = right.getType();
            return new ConnectedStreams<>(left, right).<KEY>keyedTagged().transform("IntervalJoin", outputType,
                    p -> new IntervalJoinOperator<KEY, IN1, IN2, OUT>(p, function, lower, upper, leftType, rightType), function);
        }
    }
}
