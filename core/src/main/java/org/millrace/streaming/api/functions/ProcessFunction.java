package org.millrace.streaming.api.functions;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.TimerService;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/**
 * The most general one-input function: sees each element with its context and emits any number
 * of outputs, also to side outputs. On a non-keyed stream it can read time but not set timers;
 * on a keyed stream use {@link KeyedProcessFunction}.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer fires; only keyed streams have timers. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What a process function knows about the element being processed. */
    public abstract class Context {
        /** The element's timestamp, or null if it has none. */
        public abstract Long timestamp();

        /** Current time; registering timers fails on non-keyed streams. */
        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} knows. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
