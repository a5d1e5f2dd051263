package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link SinkFunction}: the end of a pipeline. */
public final class StreamSink<IN> extends AbstractUdfOperator<SinkFunction<IN>, Object>
        implements OneInputStreamOperator<IN, Object> {

    private StreamRecord<IN> current;
    private final SinkFunction.Context context = () -> current.hasTimestamp() ? current.getTimestamp() : null;

    public StreamSink(StreamOperatorParameters<Object> parameters, SinkFunction<IN> function) {
        super(parameters, function);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        userFunction.invoke(element.getValue(), context);
    }

    @Override
    public void finish() throws Exception {
        userFunction.finish();
    }
}
