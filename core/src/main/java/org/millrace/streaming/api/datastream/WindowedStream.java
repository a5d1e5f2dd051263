package org.millrace.streaming.api.datastream;

import java.time.Duration;
import org.millrace.api.common.functions.AggregateFunction;
import org.millrace.api.common.functions.Function;
import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.common.functions.RichFunction;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.typeutils.FieldAccessor;
import org.millrace.api.java.typeutils.FieldAccessors;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.aggregation.ComparableAggregator;
import org.millrace.streaming.api.functions.aggregation.SumAggregator;
import org.millrace.streaming.api.functions.windowing.ProcessWindowFunction;
import org.millrace.streaming.api.functions.windowing.WindowFunction;
import org.millrace.streaming.api.windowing.assigners.MergingWindowAssigner;
import org.millrace.streaming.api.windowing.assigners.WindowAssigner;
import org.millrace.streaming.api.windowing.evictors.Evictor;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.operators.windowing.InternalProcessWindowFunction;
import org.millrace.streaming.runtime.operators.windowing.InternalWindowFunction;
import org.millrace.streaming.runtime.operators.windowing.InternalWindowFunctionAdapters;
import org.millrace.streaming.runtime.operators.windowing.ListWindowContents;
import org.millrace.streaming.runtime.operators.windowing.PassThroughWindowFunction;
import org.millrace.streaming.runtime.operators.windowing.WindowContents;
import org.millrace.streaming.runtime.operators.windowing.WindowOperator;
import org.millrace.util.InstantiationUtil;
import org.millrace.util.OutputTag;

/**
 * A keyed stream cut into windows ({@code keyBy(...).window(assigner)}): configure the trigger,
 * evictor, allowed lateness and late-data side output, then evaluate each window with
 * {@code reduce}/{@code aggregate} (incremental: one accumulator per key and window), optionally
 * combined with a window function that sees the result with the window, or with a process window
 * function over all elements.
 */
public class WindowedStream<T, K, W extends Window> {

    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> windowAssigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataOutputTag;

    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = input;
        this.windowAssigner = windowAssigner;
        this.trigger = windowAssigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        if (windowAssigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException("A merging window assigner cannot be used with a trigger that does not support merging.");
        }
        this.trigger = trigger;
        return this;
    }

    /** Keeps windows (and fires them again for late elements) for {@code lateness} after the watermark passed their end. */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        long millis = lateness.toMillis();
        if (millis < 0) {
            throw new IllegalArgumentException("The allowed lateness cannot be negative.");
        }
        this.allowedLateness = millis;
        return this;
    }

    /** Sends elements that arrive too late for any window to this side output instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        if (outputTag == null) {
            throw new IllegalArgumentException("Side output tag must not be null.");
        }
        this.lateDataOutputTag = outputTag;
        return this;
    }

    /** Removes elements before/after evaluation; the window then keeps all its elements. */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = evictor;
        return this;
    }

    // ------------------------------------------------------------------ reduce

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return reduceThen(function, name("Window", function), input.getType(), new PassThroughWindowFunction<T, K, W>());
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
        return reduce(reduceFunction, function, resultType(function, WindowFunction.class, input.getType()));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        return reduceThen(reduceFunction, name("Window", reduceFunction, function), resultType,
                InternalWindowFunctionAdapters.of(function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function) {
        return reduce(reduceFunction, function, resultType(function, ProcessWindowFunction.class, input.getType()));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        return reduceThen(reduceFunction, name("Window", reduceFunction, function), resultType,
                new InternalProcessWindowFunction<>(function));
    }

    // ------------------------------------------------------------------ aggregate

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<R> resultType = TypeExtractor.getUnaryOperatorReturnType(function, AggregateFunction.class, 0, 2,
                input.getType(), "AggregateFunction");
        return aggregate(function, null, resultType);
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function,
            TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
        return aggregateThen(function, name("Window", function), resultType, new PassThroughWindowFunction<R, K, W>());
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            WindowFunction<V, R, K, W> windowFunction) {
        return aggregate(aggFunction, windowFunction, null, null, resultType(windowFunction, WindowFunction.class, null));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            WindowFunction<V, R, K, W> windowFunction, TypeInformation<ACC> accumulatorType,
            TypeInformation<V> aggregateResultType, TypeInformation<R> resultType) {
        return aggregateThen(aggFunction, name("Window", aggFunction, windowFunction), resultType,
                InternalWindowFunctionAdapters.of(windowFunction));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction) {
        return aggregate(aggFunction, windowFunction, null, null, resultType(windowFunction, ProcessWindowFunction.class, null));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction, TypeInformation<ACC> accumulatorType,
            TypeInformation<V> aggregateResultType, TypeInformation<R> resultType) {
        return aggregateThen(aggFunction, name("Window", aggFunction, windowFunction), resultType,
                new InternalProcessWindowFunction<>(windowFunction));
    }

    // ------------------------------------------------------------------ apply / process

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return apply(function, resultType(function, WindowFunction.class, input.getType()));
    }

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return build(name("Window", function), resultType, WindowContents.listing(), InternalWindowFunctionAdapters.of(function));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return process(function, resultType(function, ProcessWindowFunction.class, input.getType()));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return build(name("Window", function), resultType, WindowContents.listing(), new InternalProcessWindowFunction<>(function));
    }

    // ------------------------------------------------------------------ built-in aggregations

    /** Sums the field at {@code position} per window; the other fields are those of the window's first element. */
    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return sum(FieldAccessors.forPosition(input.getType(), positionToSum));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return sum(FieldAccessors.forExpression(input.getType(), field));
    }

    private SingleOutputStreamOperator<T> sum(FieldAccessor<T, ?> field) {
        @SuppressWarnings("unchecked")
        FieldAccessor<T, Object> accessor = (FieldAccessor<T, Object>) field;
        return reduce(new SumAggregator<>(accessor, input.getType().createSerializer()));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return comparable(FieldAccessors.forPosition(input.getType(), positionToMin), ComparableAggregator.Kind.MIN);
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return comparable(FieldAccessors.forExpression(input.getType(), field), ComparableAggregator.Kind.MIN);
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return comparable(FieldAccessors.forPosition(input.getType(), positionToMax), ComparableAggregator.Kind.MAX);
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return comparable(FieldAccessors.forExpression(input.getType(), field), ComparableAggregator.Kind.MAX);
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return comparable(FieldAccessors.forPosition(input.getType(), position), ComparableAggregator.Kind.MIN_BY);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return comparable(FieldAccessors.forExpression(input.getType(), field), ComparableAggregator.Kind.MIN_BY);
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return comparable(FieldAccessors.forPosition(input.getType(), position), ComparableAggregator.Kind.MAX_BY);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return comparable(FieldAccessors.forExpression(input.getType(), field), ComparableAggregator.Kind.MAX_BY);
    }

    private SingleOutputStreamOperator<T> comparable(FieldAccessor<T, ?> field, ComparableAggregator.Kind kind) {
        @SuppressWarnings("unchecked")
        FieldAccessor<T, Object> accessor = (FieldAccessor<T, Object>) field;
        return reduce(new ComparableAggregator<>(accessor, kind, input.getType().createSerializer()));
    }

    TypeInformation<T> inputType() {
        return input.getType();
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return input.getExecutionEnvironment();
    }

    // ------------------------------------------------------------------ building

    /**
     * Adds the window operator. With an evictor the window keeps every element and the
     * pre-aggregation runs over the remaining ones when the window fires (as in Flink).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <S, R, OUT> SingleOutputStreamOperator<OUT> build(String name, TypeInformation<OUT> resultType,
            WindowContents<T, S, R> contents, InternalWindowFunction<R, OUT, K, W> function) {
        WindowAssigner<? super T, W> assigner = windowAssigner;
        Trigger<? super T, ? super W> windowTrigger = trigger;
        Evictor<? super T, ? super W> windowEvictor = evictor;
        long lateness = allowedLateness;
        OutputTag<T> lateTag = lateDataOutputTag;
        WindowContents stateContents = contents;
        InternalWindowFunction windowFunction = function;
        if (evictor != null && !(contents instanceof ListWindowContents)) {
            stateContents = WindowContents.listing();
            windowFunction = InternalWindowFunctionAdapters.folding(contents, function);
        }
        WindowContents finalContents = stateContents;
        InternalWindowFunction finalFunction = windowFunction;
        InstantiationUtil.serializeOrExplain(finalContents, "the aggregation of '" + name + "'");
        InstantiationUtil.serializeOrExplain(finalFunction, "the window function of '" + name + "'");
        return input.transform(name, resultType, params -> new WindowOperator<K, T, Object, Object, OUT, W>(params, assigner,
                windowTrigger, finalContents, finalFunction, windowEvictor, lateness, lateTag), null);
    }

    private String describe() {
        return windowAssigner + ", " + trigger + (evictor != null ? ", " + evictor.getClass().getSimpleName() : "");
    }

    /** Reduces each window with {@code reduceFunction}, then evaluates the result with {@code function}. */
    <R> SingleOutputStreamOperator<R> reduceThen(ReduceFunction<T> reduceFunction, String name, TypeInformation<R> resultType,
            InternalWindowFunction<T, R, K, W> function) {
        checkNotRich(reduceFunction, "reduce");
        return build(name, resultType, WindowContents.reducing(reduceFunction), function);
    }

    /** Aggregates each window with {@code aggFunction}, then evaluates the result with {@code function}. */
    <ACC, V, R> SingleOutputStreamOperator<R> aggregateThen(AggregateFunction<T, ACC, V> aggFunction, String name,
            TypeInformation<R> resultType, InternalWindowFunction<V, R, K, W> function) {
        checkNotRich(aggFunction, "aggregate");
        return build(name, resultType, WindowContents.aggregating(aggFunction), function);
    }

    /** The operator's name: {@code prefix(assigner, trigger[, evictor], functions...)}. */
    String name(String prefix, Object... functions) {
        StringBuilder b = new StringBuilder(prefix).append('(').append(describe());
        for (Object f : functions) {
            b.append(", ").append(f.getClass().getSimpleName());
        }
        return b.append(')').toString();
    }

    /**
     * The result type of a window function ({@code WindowFunction}, {@code ProcessWindowFunction}
     * and their all-window forms: input type argument 0, output 1).
     */
    static <R> TypeInformation<R> resultType(Function function, Class<?> functionClass, TypeInformation<?> inType) {
        return TypeExtractor.getUnaryOperatorReturnType(function, functionClass, 0, 1, inType, functionClass.getSimpleName());
    }

    static void checkNotRich(Object function, String what) {
        if (function instanceof RichFunction) {
            throw new UnsupportedOperationException("This " + what + " function cannot be a RichFunction.");
        }
    }
}
