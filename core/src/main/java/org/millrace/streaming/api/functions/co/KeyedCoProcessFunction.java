package org.millrace.streaming.api.functions.co;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.TimerService;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/**
 * Processes two connected streams keyed by the same key type ({@code a.connect(b).keyBy(ka, kb)}
 * or two keyed streams connected): elements of both inputs with equal keys meet in one subtask and
 * share that key's state and timers. The event time it sees is the minimum of both inputs'
 * watermarks, so an event-time timer fires only when neither input can still deliver earlier data.
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Called when a timer set through {@link TimerService} fires; by default does nothing. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** What the function knows about the element being processed. */
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

    /** What {@link #onTimer} knows: also which clock fired. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
