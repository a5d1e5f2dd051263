package org.millrace.streaming.api.operators.co;

import java.util.List;
import org.millrace.api.common.state.BroadcastState;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ReadOnlyBroadcastState;
import org.millrace.streaming.api.functions.co.BroadcastProcessFunction;
import org.millrace.streaming.api.operators.AbstractUdfOperator;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.SideOutputs;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.streaming.api.operators.TimestampedCollector;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.util.OutputTag;

/**
 * Runs a {@link BroadcastProcessFunction} over the tagged elements of a non-keyed input (tag 1,
 * reading the broadcast state) and a broadcast input (tag 2, changing it).
 */
public final class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
        extends AbstractUdfOperator<BroadcastProcessFunction<IN1, IN2, OUT>, OUT>
        implements OneInputStreamOperator<TaggedUnion<IN1, IN2>, OUT> {

    private final BroadcastStates broadcastStates;
    private final TimestampedCollector<OUT> collector;
    private final SideOutputs sideOutputs;
    private final ReadOnlyContextImpl readOnlyContext;
    private final ContextImpl context;
    private StreamRecord<?> current;
    private long currentWatermark = Long.MIN_VALUE;

    public CoBroadcastWithNonKeyedOperator(StreamOperatorParameters<OUT> parameters,
            BroadcastProcessFunction<IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(parameters, function);
        this.broadcastStates = new BroadcastStates(broadcastStateDescriptors);
        this.collector = new TimestampedCollector<>(output);
        this.sideOutputs = new SideOutputs(output);
        this.readOnlyContext = new ReadOnlyContextImpl(function);
        this.context = new ContextImpl(function);
    }

    @Override
    public void processElement(StreamRecord<TaggedUnion<IN1, IN2>> element) throws Exception {
        current = element;
        collector.setTimestampFrom(element);
        TaggedUnion<IN1, IN2> value = element.getValue();
        if (value.isOne()) {
            userFunction.processElement(value.getOne(), readOnlyContext, collector);
        } else {
            userFunction.processBroadcastElement(value.getTwo(), context, collector);
        }
        current = null;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.getTimestamp();
        output.emitWatermark(mark);
    }

    private Long timestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return CoBroadcastWithNonKeyedOperator.this.timestamp();
        }

        @Override
        public long currentProcessingTime() {
            return parameters.getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, current);
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
            return CoBroadcastWithNonKeyedOperator.this.timestamp();
        }

        @Override
        public long currentProcessingTime() {
            return parameters.getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, current);
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.get(stateDescriptor);
        }
    }
}
