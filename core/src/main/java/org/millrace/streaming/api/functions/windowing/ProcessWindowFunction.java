package org.millrace.streaming.api.functions.windowing;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/**
 * Evaluates a fired window of a keyed stream: sees the key, the window and all its elements (or,
 * after {@code reduce}/{@code aggregate}, the one pre-aggregated value), and may keep state per
 * window ({@link Context#windowState()}, removed in {@link #clear}) or per key across windows
 * ({@link Context#globalState()}).
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window ends (its state is about to go): remove what this function kept in {@link Context#windowState()}. */
    public void clear(Context context) throws Exception {}

    /** What the function knows about the window being evaluated. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State of the current key and window. */
        public abstract KeyedStateStore windowState();

        /** State of the current key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
