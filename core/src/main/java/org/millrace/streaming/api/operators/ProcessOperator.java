package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.functions.ProcessFunction;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link ProcessFunction}. */
public final class ProcessOperator<IN, OUT> extends AbstractUdfOperator<ProcessFunction<IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    private final TimestampedCollector<OUT> collector;
    private final ContextImpl context;
    private StreamRecord<IN> current;

    public ProcessOperator(StreamOperatorParameters<OUT> parameters, ProcessFunction<IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.context = new ContextImpl(function);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        collector.setTimestampFrom(element);
        userFunction.processElement(element.getValue(), context, collector);
    }

    private final class ContextImpl extends ProcessFunction<IN, OUT>.Context {
        ContextImpl(ProcessFunction<IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return current.hasTimestamp() ? current.getTimestamp() : null;
        }
    }
}
