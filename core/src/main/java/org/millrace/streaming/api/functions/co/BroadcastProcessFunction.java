package org.millrace.streaming.api.functions.co;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.api.common.state.BroadcastState;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ReadOnlyBroadcastState;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/**
 * Processes a (non-keyed) stream connected with a broadcast stream
 * ({@code stream.connect(rules.broadcast(descriptor))}): every parallel instance receives every
 * broadcast element and may change the broadcast state with it; the other stream's elements may
 * only read that state.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** What both methods know: time and side outputs. */
    public abstract class BaseContext {
        /** The element's timestamp, or null if it has none. */
        public abstract Long timestamp();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** The broadcast side's context: the broadcast state can be changed. */
    public abstract class Context extends BaseContext {
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The other side's context: the broadcast state can only be read. */
    public abstract class ReadOnlyContext extends BaseContext {
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }
}
