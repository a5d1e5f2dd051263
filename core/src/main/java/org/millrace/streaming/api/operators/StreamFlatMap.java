package org.millrace.streaming.api.operators;

import org.millrace.api.common.functions.FlatMapFunction;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link FlatMapFunction}: any number of outputs per input. */
public final class StreamFlatMap<IN, OUT> extends AbstractUdfOperator<FlatMapFunction<IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    private final TimestampedCollector<OUT> collector;

    public StreamFlatMap(StreamOperatorParameters<OUT> parameters, FlatMapFunction<IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        collector.setTimestampFrom(element);
        userFunction.flatMap(element.getValue(), collector);
    }
}
