package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.functions.Function;
import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.streaming.api.functions.windowing.ProcessWindowFunction;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/** Runs a {@link ProcessWindowFunction} with one reused context. */
public final class InternalProcessWindowFunction<IN, OUT, K, W extends Window> implements InternalWindowFunction<IN, OUT, K, W> {

    private static final long serialVersionUID = 1L;

    private final ProcessWindowFunction<IN, OUT, K, W> function;
    private transient ContextImpl context;

    public InternalProcessWindowFunction(ProcessWindowFunction<IN, OUT, K, W> function) {
        this.function = function;
    }

    private ContextImpl context(W window, InternalWindowContext internal) {
        if (context == null) {
            context = new ContextImpl();
        }
        context.window = window;
        context.internal = internal;
        return context;
    }

    @Override
    public void process(K key, W window, InternalWindowContext ctx, Iterable<IN> input, Collector<OUT> out) throws Exception {
        function.process(key, context(window, ctx), input, out);
    }

    @Override
    public void clear(W window, InternalWindowContext ctx) throws Exception {
        function.clear(context(window, ctx));
    }

    @Override
    public Function[] userFunctions() {
        return new Function[] {function};
    }

    @Override
    public String toString() {
        return function.getClass().getSimpleName();
    }

    private final class ContextImpl extends ProcessWindowFunction<IN, OUT, K, W>.Context {
        W window;
        InternalWindowContext internal;

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
