package org.millrace.streaming.api.operators.co;

import org.millrace.streaming.api.functions.co.CoFlatMapFunction;
import org.millrace.streaming.api.operators.AbstractUdfOperator;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.streaming.api.operators.TimestampedCollector;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link CoFlatMapFunction}: outputs carry the timestamp of the element they came from. */
public final class CoStreamFlatMap<IN1, IN2, OUT> extends AbstractUdfOperator<CoFlatMapFunction<IN1, IN2, OUT>, OUT>
        implements OneInputStreamOperator<TaggedUnion<IN1, IN2>, OUT> {

    private final TimestampedCollector<OUT> collector;

    public CoStreamFlatMap(StreamOperatorParameters<OUT> parameters, CoFlatMapFunction<IN1, IN2, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement(StreamRecord<TaggedUnion<IN1, IN2>> element) throws Exception {
        collector.setTimestampFrom(element);
        TaggedUnion<IN1, IN2> value = element.getValue();
        if (value.isOne()) {
            userFunction.flatMap1(value.getOne(), collector);
        } else {
            userFunction.flatMap2(value.getTwo(), collector);
        }
    }
}
