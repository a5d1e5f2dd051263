package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.functions.Function;
import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/** Runs a {@link ProcessAllWindowFunction} (the key is the constant key of {@code windowAll}). */
public final class InternalProcessAllWindowFunction<IN, OUT, W extends Window> implements InternalWindowFunction<IN, OUT, Byte, W> {

    private static final long serialVersionUID = 1L;

    private final ProcessAllWindowFunction<IN, OUT, W> function;
    private transient ContextImpl context;

    public InternalProcessAllWindowFunction(ProcessAllWindowFunction<IN, OUT, W> function) {
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
    public void process(Byte key, W window, InternalWindowContext ctx, Iterable<IN> input, Collector<OUT> out) throws Exception {
        function.process(context(window, ctx), input, out);
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

    private final class ContextImpl extends ProcessAllWindowFunction<IN, OUT, W>.Context {
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
