package org.millrace.api.common.functions;

/** Combines two values of a key into one: {@code KeyedStream.reduce}. May return (a mutated) {@code value1}. */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}
