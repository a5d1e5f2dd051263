package org.millrace.streaming.api.functions.co;

import org.millrace.api.common.functions.Function;
import org.millrace.util.Collector;

/**
 * Like {@link CoMapFunction}, but each element of either input may produce any number of outputs.
 */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {

    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
