package org.millrace.streaming.api.functions;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.TimerService;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/**
 * A process function on a keyed stream: it may use keyed state through
 * {@code getRuntimeContext().getState(...)}, scoped to the key of the current element, set
 * event-time and processing-time timers for that key through {@link Context#timerService()}, and
 * emit to side outputs. A timer calls {@link #onTimer} with the key it was set for.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer set through {@link TimerService} fires; by default does nothing. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What a keyed process function knows about the element being processed. */
    public abstract class Context {
        /** The element's timestamp, or null if it has none. */
        public abstract Long timestamp();

        /** Time and timers for the current key. */
        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The key of the element being processed. */
        public abstract K getCurrentKey();
    }

    /** What {@link #onTimer} knows: also which clock fired and for which key. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();

        /** The key the firing timer was set for. */
        @Override
        public abstract K getCurrentKey();
    }
}
