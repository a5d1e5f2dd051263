package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.streaming.api.functions.windowing.ProcessWindowFunction;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/** Runs a {@link ProcessWindowFunction} with one reused context. */
public final class InternalProcessWindowFunction<IN, OUT, K, W extends Window>
        extends WrappingWindowFunction<IN, OUT, K, W, ProcessWindowFunction<IN, OUT, K, W>,
                InternalProcessWindowFunction<IN, OUT, K, W>.ContextImpl> {

    private static final long serialVersionUID = 1L;

    public InternalProcessWindowFunction(ProcessWindowFunction<IN, OUT, K, W> function) {
        super(function);
    }

    @Override
    ContextImpl newContext() {
        return new ContextImpl();
    }

    @Override
    public void process(K key, W window, InternalWindowContext ctx, Iterable<IN> input, Collector<OUT> out) throws Exception {
        function.process(key, context(window, ctx), input, out);
    }

    @Override
    public void clear(W window, InternalWindowContext ctx) throws Exception {
        function.clear(context(window, ctx));
    }

    final class ContextImpl extends ProcessWindowFunction<IN, OUT, K, W>.Context {
        ContextImpl() {
            function.super();
        }

        @Override
        public W window() {
            return window;
        }

        @Override
        public long currentProcessingTime() {
            return internal.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return internal.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            return internal.windowState();
        }

        @Override
        public KeyedStateStore globalState() {
            return internal.globalState();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            internal.output(outputTag, value);
        }
    }
}
