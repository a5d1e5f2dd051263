package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.TimerService;
import org.millrace.streaming.api.functions.ProcessFunction;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.util.OutputTag;

/** Runs a {@link ProcessFunction} on a non-keyed stream: time can be read, timers cannot be set. */
public final class ProcessOperator<IN, OUT> extends AbstractUdfOperator<ProcessFunction<IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    private final TimestampedCollector<OUT> collector;
    private final ContextImpl context;
    private final SideOutputs sideOutputs;
    private StreamRecord<IN> current;
    private long currentWatermark = Long.MIN_VALUE;

    public ProcessOperator(StreamOperatorParameters<OUT> parameters, ProcessFunction<IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.context = new ContextImpl(function);
        this.sideOutputs = new SideOutputs(output);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        collector.setTimestampFrom(element);
        userFunction.processElement(element.getValue(), context, collector);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.getTimestamp();
        output.emitWatermark(mark);
    }

    private final class ContextImpl extends ProcessFunction<IN, OUT>.Context implements TimerService {
        ContextImpl(ProcessFunction<IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return current.hasTimestamp() ? current.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, current);
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
        public void registerProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
        }
    }

}
