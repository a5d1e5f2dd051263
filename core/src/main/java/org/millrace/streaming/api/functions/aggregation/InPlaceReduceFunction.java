package org.millrace.streaming.api.functions.aggregation;

import org.millrace.api.common.functions.ReduceFunction;

/**
 * A reduce function that can also fold {@code value} into {@code accumulator} by mutating it. BATCH
 * aggregations use this: their accumulator is private until the final emission, so the copy that
 * protects already-emitted running results in STREAMING mode is not needed.
 */
public interface InPlaceReduceFunction<T> extends ReduceFunction<T> {

    /** Folds {@code value} into {@code accumulator} and returns the result (usually {@code accumulator} itself). */
    T reduceInPlace(T accumulator, T value) throws Exception;
}
