package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.TimerService;
import org.millrace.streaming.api.functions.ProcessFunction;
import org.millrace.util.OutputTag;

/** Runs a {@link ProcessFunction} on a non-keyed stream: time can be read, timers cannot be set. */
public final class ProcessOperator<IN, OUT> extends NonKeyedProcessOperatorBase<IN, OUT, ProcessFunction<IN, OUT>> {

    private final ContextImpl context;

    public ProcessOperator(StreamOperatorParameters<OUT> parameters, ProcessFunction<IN, OUT> function) {
        super(parameters, function);
        this.context = new ContextImpl(function);
    }

    @Override
    protected void process(IN value) throws Exception {
        userFunction.processElement(value, context, collector);
    }

    private final class ContextImpl extends ProcessFunction<IN, OUT>.Context implements TimerService {
        ContextImpl(ProcessFunction<IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return elementTimestamp();
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
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
