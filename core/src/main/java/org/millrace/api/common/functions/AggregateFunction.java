package org.millrace.api.common.functions;

import java.io.Serializable;

/**
 * Incremental aggregation with an accumulator: windows keep one accumulator per key and window
 * and fold each element into it as it arrives, instead of keeping the elements.
 *
 * @param <IN> the elements
 * @param <ACC> the accumulator (may be mutated in {@link #add} and returned)
 * @param <OUT> the result
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function, Serializable {

    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    /** Combines two accumulators (session windows merging); may reuse either. */
    ACC merge(ACC a, ACC b);
}
