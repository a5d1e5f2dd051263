package org.millrace.api.common.functions;

/** Keeps the inputs for which it returns true: {@code DataStream.filter}. */
@FunctionalInterface
public interface FilterFunction<T> extends Function {
    boolean filter(T value) throws Exception;
}
