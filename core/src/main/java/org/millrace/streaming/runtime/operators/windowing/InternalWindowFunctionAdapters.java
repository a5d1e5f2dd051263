package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.functions.Function;
import org.millrace.streaming.api.functions.windowing.AllWindowFunction;
import org.millrace.streaming.api.functions.windowing.WindowFunction;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;

/** Adapters of the context-free window function interfaces to {@link InternalWindowFunction}. */
public final class InternalWindowFunctionAdapters {

    /** The time of a value that is re-folded at firing (the fold does not use it). */
    private static final WindowContents.StreamRecordTime NO_TIME = new WindowContents.StreamRecordTime() {
        @Override
        public boolean hasTimestamp() {
            return false;
        }

        @Override
        public long timestamp() {
            return Long.MIN_VALUE;
        }
    };

    private InternalWindowFunctionAdapters() {}

    /** Runs a {@link WindowFunction}. */
    public static <IN, OUT, K, W extends Window> InternalWindowFunction<IN, OUT, K, W> of(WindowFunction<IN, OUT, K, W> function) {
        return new WrappingWindowFunction<IN, OUT, K, W, WindowFunction<IN, OUT, K, W>, Void>(function) {
            private static final long serialVersionUID = 1L;

            @Override
            public void process(K key, W window, InternalWindowContext ctx, Iterable<IN> input, Collector<OUT> out) throws Exception {
                function.apply(key, window, input, out);
            }
        };
    }

    /** Runs an {@link AllWindowFunction}. */
    public static <IN, OUT, W extends Window> InternalWindowFunction<IN, OUT, Byte, W> ofAll(AllWindowFunction<IN, OUT, W> function) {
        return new WrappingWindowFunction<IN, OUT, Byte, W, AllWindowFunction<IN, OUT, W>, Void>(function) {
            private static final long serialVersionUID = 1L;

            @Override
            public void process(Byte key, W window, InternalWindowContext ctx, Iterable<IN> input, Collector<OUT> out) throws Exception {
                function.apply(window, input, out);
            }
        };
    }

    /**
     * For windows with an evictor, which keep all elements: folds the (remaining) elements with
     * {@code folding} when the window fires and hands the one result to {@code inner}.
     */
    public static <IN, S, R, OUT, K, W extends Window> InternalWindowFunction<IN, OUT, K, W> folding(
            WindowContents<IN, S, R> folding, InternalWindowFunction<R, OUT, K, W> inner) {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void process(K key, W window, InternalWindowContext ctx, Iterable<IN> input, Collector<OUT> out) throws Exception {
                S state = null;
                for (IN value : input) {
                    state = folding.add(state, value, NO_TIME);
                }
                if (state != null) {
                    inner.process(key, window, ctx, folding.result(state), out);
                }
            }

            @Override
            public void clear(W window, InternalWindowContext ctx) throws Exception {
                inner.clear(window, ctx);
            }

            @Override
            public Function[] userFunctions() {
                return inner.userFunctions();
            }

            @Override
            public String toString() {
                return inner.toString();
            }
        };
    }
}
