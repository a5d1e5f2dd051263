package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.functions.AggregateFunction;

/** A window's contents as the accumulator of the user's {@link AggregateFunction}. */
final class AggregatingWindowContents<T, ACC, V> implements WindowContents<T, ACC, V> {

    private static final long serialVersionUID = 1L;

    private final AggregateFunction<T, ACC, V> function;
    private transient SingleValueIterable<V> single;

    AggregatingWindowContents(AggregateFunction<T, ACC, V> function) {
        this.function = function;
    }

    @Override
    public ACC add(ACC state, T value, StreamRecordTime time) {
        return function.add(value, state == null ? function.createAccumulator() : state);
    }

    @Override
    public ACC merge(ACC target, ACC source) {
        return function.merge(target, source);
    }

    @Override
    public Iterable<V> result(ACC state) {
        if (single == null) {
            single = new SingleValueIterable<>();
        }
        return single.of(function.getResult(state));
    }
}
