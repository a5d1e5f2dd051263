package org.millrace.api.common.functions;

import org.millrace.util.Collector;

/** Zero or more outputs per input: {@code DataStream.flatMap}. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
