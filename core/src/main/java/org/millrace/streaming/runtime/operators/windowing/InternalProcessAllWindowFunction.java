package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/** Runs a {@link ProcessAllWindowFunction} (the key is the constant key of {@code windowAll}). */
public final class InternalProcessAllWindowFunction<IN, OUT, W extends Window>
        extends WrappingWindowFunction<IN, OUT, Byte, W, ProcessAllWindowFunction<IN, OUT, W>,
                InternalProcessAllWindowFunction<IN, OUT, W>.ContextImpl> {

    private static final long serialVersionUID = 1L;

    public InternalProcessAllWindowFunction(ProcessAllWindowFunction<IN, OUT, W> function) {
        super(function);
    }

    @Override
    ContextImpl newContext() {
        return new ContextImpl();
    }

    @Override
    public void process(Byte key, W window, InternalWindowContext ctx, Iterable<IN> input, Collector<OUT> out) throws Exception {
        function.process(context(window, ctx), input, out);
    }

    @Override
    public void clear(W window, InternalWindowContext ctx) throws Exception {
        function.clear(context(window, ctx));
    }

    final class ContextImpl extends ProcessAllWindowFunction<IN, OUT, W>.Context {
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
