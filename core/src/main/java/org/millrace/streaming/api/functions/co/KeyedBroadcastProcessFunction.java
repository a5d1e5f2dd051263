package org.millrace.streaming.api.functions.co;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.api.common.state.BroadcastState;
import org.millrace.api.common.state.KeyedStateFunction;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ReadOnlyBroadcastState;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.TimerService;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/**
 * Processes a keyed stream connected with a broadcast stream
 * ({@code keyed.connect(rules.broadcast(descriptor))}): every parallel instance receives every
 * broadcast element and may change the broadcast state with it; the keyed elements may only read
 * that state, but have keyed state and timers of their key.
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Called when a timer of a key fires; by default does nothing. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** What all methods know: time and side outputs. */
    public abstract class BaseContext {
        /** The element's (or firing event-time timer's) timestamp, or null. */
        public abstract Long timestamp();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** The broadcast side's context: the broadcast state can be changed; there is no current key. */
    public abstract class Context extends BaseContext {
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);

        /**
         * Applies {@code function} to the state {@code stateDescriptor} of every key of this
         * parallel instance that has a value in it.
         */
        public abstract <VS> void applyToKeyedState(ValueStateDescriptor<VS> stateDescriptor,
                KeyedStateFunction<KS, ValueState<VS>> function) throws Exception;
    }

    /** The keyed side's context: the broadcast state can only be read; timers of the current key. */
    public abstract class ReadOnlyContext extends BaseContext {
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);

        public abstract TimerService timerService();

        public abstract KS getCurrentKey();
    }

    /** What {@link #onTimer} knows: also which clock fired. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();
    }
}
