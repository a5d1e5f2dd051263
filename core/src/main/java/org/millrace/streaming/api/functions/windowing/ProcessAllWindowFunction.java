package org.millrace.streaming.api.functions.windowing;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/** Evaluates a fired window of a non-keyed stream ({@code windowAll}). */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window ends: remove what this function kept in {@link Context#windowState()}. */
    public void clear(Context context) throws Exception {}

    /** What the function knows about the window being evaluated. */
    public abstract class Context {
        public abstract W window();

        public abstract KeyedStateStore windowState();

        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
