package org.millrace.api.common.functions;

import org.millrace.util.Collector;

/**
 * Combines the elements of two inputs that share a key and a window ({@code a.coGroup(b)}): called
 * once per key and window with both groups, either of which may be empty.
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {

    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
