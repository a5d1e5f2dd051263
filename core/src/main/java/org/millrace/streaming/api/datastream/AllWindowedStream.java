package org.millrace.streaming.api.datastream;

import java.time.Duration;
import org.millrace.api.common.functions.AggregateFunction;
import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.streaming.api.functions.windowing.AllWindowFunction;
import org.millrace.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.millrace.streaming.api.windowing.assigners.WindowAssigner;
import org.millrace.streaming.api.windowing.evictors.Evictor;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.operators.windowing.InternalProcessAllWindowFunction;
import org.millrace.streaming.runtime.operators.windowing.InternalWindowFunctionAdapters;
import org.millrace.streaming.runtime.operators.windowing.WindowContents;

/**
 * A non-keyed stream cut into windows ({@code windowAll(assigner)}). All elements meet in one
 * subtask (the window operator runs with parallelism 1), keyed internally by one constant key;
 * otherwise it behaves like {@link WindowedStream}.
 */
public class AllWindowedStream<T, W extends Window> {

    private final WindowedStream<T, Byte, W> windowed;

    public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> windowAssigner) {
        this.windowed = new WindowedStream<>(input.keyBy(new NullByteKeySelector<>()), windowAssigner);
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(org.millrace.util.OutputTag<T> outputTag) {
        windowed.sideOutputLateData(outputTag);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return nonParallel(windowed.reduce(function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function) {
        return nonParallel(windowed.reduceThen(reduceFunction, name(reduceFunction, function),
                WindowedStream.resultType(function, AllWindowFunction.class, windowedType()), InternalWindowFunctionAdapters.ofAll(function)));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessAllWindowFunction<T, R, W> function) {
        return nonParallel(windowed.reduceThen(reduceFunction, name(reduceFunction, function),
                WindowedStream.resultType(function, ProcessAllWindowFunction.class, windowedType()), new InternalProcessAllWindowFunction<>(function)));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return nonParallel(windowed.aggregate(function));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function,
            TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
        return nonParallel(windowed.aggregate(function, accumulatorType, resultType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessAllWindowFunction<V, R, W> windowFunction) {
        return nonParallel(windowed.aggregateThen(aggFunction, name(aggFunction, windowFunction),
                WindowedStream.resultType(windowFunction, ProcessAllWindowFunction.class, null), new InternalProcessAllWindowFunction<>(windowFunction)));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            AllWindowFunction<V, R, W> windowFunction) {
        return nonParallel(windowed.aggregateThen(aggFunction, name(aggFunction, windowFunction),
                WindowedStream.resultType(windowFunction, AllWindowFunction.class, null), InternalWindowFunctionAdapters.ofAll(windowFunction)));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return apply(function, WindowedStream.resultType(function, AllWindowFunction.class, windowedType()));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return nonParallel(windowed.build(name(function), resultType, WindowContents.listing(),
                InternalWindowFunctionAdapters.ofAll(function)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return process(function, WindowedStream.resultType(function, ProcessAllWindowFunction.class, windowedType()));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return nonParallel(windowed.build(name(function), resultType, WindowContents.listing(),
                new InternalProcessAllWindowFunction<>(function)));
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return nonParallel(windowed.sum(positionToSum));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return nonParallel(windowed.sum(field));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return nonParallel(windowed.min(positionToMin));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return nonParallel(windowed.min(field));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return nonParallel(windowed.max(positionToMax));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return nonParallel(windowed.max(field));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return nonParallel(windowed.minBy(position));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return nonParallel(windowed.maxBy(position));
    }

    private TypeInformation<T> windowedType() {
        return windowed.inputType();
    }

    private String name(Object... functions) {
        return windowed.name("AllWindow", functions);
    }

    private static <R> SingleOutputStreamOperator<R> nonParallel(SingleOutputStreamOperator<R> operator) {
        return operator.setParallelism(1);
    }

    /** The constant key of {@code windowAll}. */
    static final class NullByteKeySelector<T> implements org.millrace.api.java.functions.KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;
        private static final Byte KEY = 0;

        @Override
        public Byte getKey(T value) {
            return KEY;
        }
    }
}
