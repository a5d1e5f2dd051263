package org.millrace.streaming.api.functions.co;

import org.millrace.api.common.functions.Function;

/**
 * Maps the elements of two connected streams ({@code a.connect(b).map(...)}) to one output type:
 * {@link #map1} for the first input, {@link #map2} for the second. Both run in the same task
 * thread, so they may share state without locking.
 */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {

    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
}
