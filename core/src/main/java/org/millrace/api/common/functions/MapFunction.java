package org.millrace.api.common.functions;

/** One output per input: {@code DataStream.map}. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
    O map(T value) throws Exception;
}
