package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.functions.ReduceFunction;

/** A window's contents as one value reduced with the user's {@link ReduceFunction}. */
final class ReducingWindowContents<T> implements WindowContents<T, T, T> {

    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;
    private transient SingleValueIterable<T> single;

    ReducingWindowContents(ReduceFunction<T> reduceFunction) {
        this.reduceFunction = reduceFunction;
    }

    @Override
    public T add(T state, T value, StreamRecordTime time) throws Exception {
        return state == null ? value : reduceFunction.reduce(state, value);
    }

    @Override
    public T merge(T target, T source) throws Exception {
        return reduceFunction.reduce(target, source);
    }

    @Override
    public Iterable<T> result(T state) {
        if (single == null) {
            single = new SingleValueIterable<>();
        }
        return single.of(state);
    }
}
