package org.millrace.streaming.runtime.operators.windowing;

import java.io.Serializable;

/**
 * How a window keeps its elements between firings, as one state object per key and window:
 * an accumulator folded in place ({@link #reducing}, {@link #aggregating}) or the elements
 * themselves ({@link #listing}). The window operator stores what {@link #add} returns.
 *
 * @param <IN> the window's elements
 * @param <S> the state kept per key and window
 * @param <R> what the window function receives when the window fires
 */
public interface WindowContents<IN, S, R> extends Serializable {

    /** Folds {@code value} into {@code state} (null for a new window) and returns the state to keep. */
    S add(S state, IN value, StreamRecordTime time) throws Exception;

    /** Combines the states of two windows that merge. */
    S merge(S target, S source) throws Exception;

    /** What the window function receives for {@code state}: one value, or all elements. */
    Iterable<R> result(S state) throws Exception;

    /** The timestamp of the element being added, if it has one. */
    interface StreamRecordTime {
        boolean hasTimestamp();

        long timestamp();
    }

    static <T> WindowContents<T, T, T> reducing(org.millrace.api.common.functions.ReduceFunction<T> reduceFunction) {
        return new ReducingWindowContents<>(reduceFunction);
    }

    static <T, ACC, V> WindowContents<T, ACC, V> aggregating(org.millrace.api.common.functions.AggregateFunction<T, ACC, V> function) {
        return new AggregatingWindowContents<>(function);
    }

    /** Keeps every element with its timestamp (process functions without pre-aggregation, evictors). */
    static <T> ListWindowContents<T> listing() {
        return new ListWindowContents<>();
    }
}
