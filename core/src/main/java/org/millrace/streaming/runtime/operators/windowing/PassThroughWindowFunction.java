package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.functions.Function;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;

/** {@code reduce}/{@code aggregate} without a window function: emits the window's result as is. */
public final class PassThroughWindowFunction<T, K, W extends Window> implements InternalWindowFunction<T, T, K, W> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(K key, W window, InternalWindowContext context, Iterable<T> input, Collector<T> out) {
        for (T value : input) {
            out.collect(value);
        }
    }

    @Override
    public Function[] userFunctions() {
        return new Function[0];
    }

    @Override
    public String toString() {
        return "PassThroughWindowFunction";
    }
}
