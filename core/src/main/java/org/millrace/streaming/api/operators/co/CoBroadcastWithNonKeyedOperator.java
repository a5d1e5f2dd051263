package org.millrace.streaming.api.operators.co;

import java.util.List;
import org.millrace.api.common.state.BroadcastState;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ReadOnlyBroadcastState;
import org.millrace.streaming.api.functions.co.BroadcastProcessFunction;
import org.millrace.streaming.api.operators.NonKeyedProcessOperatorBase;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.util.OutputTag;

/**
 * Runs a {@link BroadcastProcessFunction} over the tagged elements of a non-keyed input (tag 1,
 * reading the broadcast state) and a broadcast input (tag 2, changing it).
 *
 * <p>The two contexts answer the same way; they are two classes only because the function's API
 * gives the read-only and the read-write context different types.
 */
public final class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
        extends NonKeyedProcessOperatorBase<TaggedUnion<IN1, IN2>, OUT, BroadcastProcessFunction<IN1, IN2, OUT>> {

    private final BroadcastStates broadcastStates;
    private final ReadOnlyContextImpl readOnlyContext;
    private final ContextImpl context;

    public CoBroadcastWithNonKeyedOperator(StreamOperatorParameters<OUT> parameters,
            BroadcastProcessFunction<IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(parameters, function);
        this.broadcastStates = new BroadcastStates(broadcastStateDescriptors);
        this.readOnlyContext = new ReadOnlyContextImpl(function);
        this.context = new ContextImpl(function);
    }

    @Override
    public void initializeState(org.millrace.runtime.state.OperatorStateStore restored) throws Exception {
        broadcastStates.restore(restored);
    }

    @Override
    public void snapshotState(long checkpointId, org.millrace.runtime.state.OperatorStateStore state) throws Exception {
        broadcastStates.snapshot(parameters.getRuntimeContext().getIndexOfThisSubtask(), state);
    }

    @Override
    protected void process(TaggedUnion<IN1, IN2> value) throws Exception {
        if (value.isOne()) {
            userFunction.processElement(value.getOne(), readOnlyContext, collector);
        } else {
            userFunction.processBroadcastElement(value.getTwo(), context, collector);
        }
    }

    private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return elementTimestamp();
        }

        @Override
        public long currentProcessingTime() {
            return processingTime();
        }

        @Override
        public long currentWatermark() {
            return lastWatermark();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.get(stateDescriptor);
        }
    }

    private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        ContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return elementTimestamp();
        }

        @Override
        public long currentProcessingTime() {
            return processingTime();
        }

        @Override
        public long currentWatermark() {
            return lastWatermark();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.get(stateDescriptor);
        }
    }
}
