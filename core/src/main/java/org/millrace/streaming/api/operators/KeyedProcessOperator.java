package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.TimerService;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.util.OutputTag;

/**
 * Runs a {@link KeyedProcessFunction} with keyed state and timers scoped to each element's key.
 * A watermark first fires the event-time timers it passes, then goes downstream; what
 * {@code onTimer} emits carries the timer's timestamp (event time) or none (processing time).
 */
public final class KeyedProcessOperator<K, IN, OUT>
        extends KeyedProcessOperatorBase<K, IN, OUT, KeyedProcessFunction<K, IN, OUT>> {

    private final ContextImpl context;

    public KeyedProcessOperator(StreamOperatorParameters<OUT> parameters, KeyedProcessFunction<K, IN, OUT> function) {
        super(parameters, function);
        this.context = new ContextImpl(function);
    }

    @Override
    protected void process(IN value) throws Exception {
        userFunction.processElement(value, context, collector);
    }

    @Override
    protected void onTimer(long timestamp) throws Exception {
        userFunction.onTimer(timestamp, context, collector);
    }

    /**
     * The function's context, both while it processes an element and (as the subtype) while a
     * timer fires: one object, answering for whichever is happening.
     */
    private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
        ContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return firingDomain() != null ? timerTimestamp() : elementTimestamp();
        }

        @Override
        public TimerService timerService() {
            return KeyedProcessOperator.this.timerService();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
        }

        @Override
        public TimeDomain timeDomain() {
            return firingDomain();
        }

        @Override
        public K getCurrentKey() {
            return currentKey();
        }
    }
}
