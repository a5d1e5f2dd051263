package org.millrace.streaming.api.operators.co;

import java.util.List;
import org.millrace.api.common.state.BroadcastState;
import org.millrace.api.common.state.KeyedStateFunction;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ReadOnlyBroadcastState;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.TimerService;
import org.millrace.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.millrace.streaming.api.operators.KeyedProcessOperatorBase;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.util.OutputTag;

/**
 * Runs a {@link KeyedBroadcastProcessFunction} over the tagged elements of a keyed input (tag 1,
 * with keyed state and timers) and a broadcast input (tag 2, without a key, the only one allowed
 * to change the broadcast state).
 */
public final class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
        extends KeyedProcessOperatorBase<KS, TaggedUnion<IN1, IN2>, OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>> {

    private final BroadcastStates broadcastStates;
    private final KeyedContextImpl keyedContext;
    private final BroadcastContextImpl broadcastContext;

    public CoBroadcastWithKeyedOperator(StreamOperatorParameters<OUT> parameters,
            KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(parameters, function);
        this.broadcastStates = new BroadcastStates(broadcastStateDescriptors);
        this.keyedContext = new KeyedContextImpl(function);
        this.broadcastContext = new BroadcastContextImpl(function);
    }

    @Override
    protected boolean isKeyed(TaggedUnion<IN1, IN2> value) {
        return value.isOne();
    }

    @Override
    public void initializeState(org.millrace.runtime.state.OperatorStateStore restored) throws Exception {
        broadcastStates.restore(restored);
    }

    @Override
    public void snapshotState(long checkpointId, org.millrace.runtime.state.OperatorStateStore state) throws Exception {
        parameters.getRuntimeContext().removeExpiredState();
        broadcastStates.snapshot(parameters.getRuntimeContext().getIndexOfThisSubtask(), state);
    }

    @Override
    protected void process(TaggedUnion<IN1, IN2> value) throws Exception {
        if (value.isOne()) {
            userFunction.processElement(value.getOne(), keyedContext, collector);
        } else {
            userFunction.processBroadcastElement(value.getTwo(), broadcastContext, collector);
        }
    }

    @Override
    protected void onTimer(long timestamp) throws Exception {
        userFunction.onTimer(timestamp, keyedContext, collector);
    }

    /** The keyed side's context, both for elements and (as the subtype) for timers. */
    private final class KeyedContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
        KeyedContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return firingDomain() != null ? timerTimestamp() : elementTimestamp();
        }

        @Override
        public long currentProcessingTime() {
            return timerService().currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService().currentWatermark();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.get(stateDescriptor);
        }

        @Override
        public TimerService timerService() {
            return CoBroadcastWithKeyedOperator.this.timerService();
        }

        @Override
        public KS getCurrentKey() {
            return currentKey();
        }

        @Override
        public TimeDomain timeDomain() {
            return firingDomain();
        }
    }

    private final class BroadcastContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
        BroadcastContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return elementTimestamp();
        }

        @Override
        public long currentProcessingTime() {
            return timerService().currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService().currentWatermark();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.get(stateDescriptor);
        }

        @Override
        public <VS> void applyToKeyedState(ValueStateDescriptor<VS> stateDescriptor,
                KeyedStateFunction<KS, ValueState<VS>> function) throws Exception {
            keyedStateBackend().applyToAllKeys(stateDescriptor, function);
        }
    }
}
