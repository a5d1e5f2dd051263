package org.millrace.streaming.api.operators.co;

import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.TimerService;
import org.millrace.streaming.api.functions.co.KeyedCoProcessFunction;
import org.millrace.streaming.api.operators.KeyedProcessOperatorBase;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.util.OutputTag;

/**
 * Runs a {@link KeyedCoProcessFunction} over the tagged elements of two connected, keyed inputs:
 * one keyed state and one set of timers for both. The watermark it receives is already the
 * minimum over the channels of both inputs (they arrive through one union of channels), so
 * event-time timers fire only when both inputs have passed them.
 */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends KeyedProcessOperatorBase<K, TaggedUnion<IN1, IN2>, OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>> {

    private final ContextImpl context;

    public KeyedCoProcessOperator(StreamOperatorParameters<OUT> parameters, KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(parameters, function);
        this.context = new ContextImpl(function);
    }

    @Override
    protected void process(TaggedUnion<IN1, IN2> value) throws Exception {
        if (value.isOne()) {
            userFunction.processElement1(value.getOne(), context, collector);
        } else {
            userFunction.processElement2(value.getTwo(), context, collector);
        }
    }

    @Override
    protected void onTimer(long timestamp) throws Exception {
        userFunction.onTimer(timestamp, context, collector);
    }

    /**
     * The function's context, both while it processes an element and (as the subtype) while a
     * timer fires: one object, answering for whichever is happening.
     */
    private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return firingDomain() != null ? timerTimestamp() : elementTimestamp();
        }

        @Override
        public TimerService timerService() {
            return KeyedCoProcessOperator.this.timerService();
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
