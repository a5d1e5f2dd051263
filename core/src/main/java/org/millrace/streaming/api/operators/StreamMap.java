package org.millrace.streaming.api.operators;

import org.millrace.api.common.functions.MapFunction;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link MapFunction}: one output per input, keeping the input's timestamp. */
public final class StreamMap<IN, OUT> extends AbstractUdfOperator<MapFunction<IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    public StreamMap(StreamOperatorParameters<OUT> parameters, MapFunction<IN, OUT> function) {
        super(parameters, function);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        output.collect(element.replace(userFunction.map(element.getValue())));
    }
}
