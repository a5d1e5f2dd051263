package org.millrace.streaming.api.operators.co;

import org.millrace.streaming.api.functions.co.CoMapFunction;
import org.millrace.streaming.api.operators.AbstractUdfOperator;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link CoMapFunction} on the tagged elements of two connected inputs, keeping timestamps. */
public final class CoStreamMap<IN1, IN2, OUT> extends AbstractUdfOperator<CoMapFunction<IN1, IN2, OUT>, OUT>
        implements OneInputStreamOperator<TaggedUnion<IN1, IN2>, OUT> {

    public CoStreamMap(StreamOperatorParameters<OUT> parameters, CoMapFunction<IN1, IN2, OUT> function) {
        super(parameters, function);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(StreamRecord<TaggedUnion<IN1, IN2>> element) throws Exception {
        TaggedUnion<IN1, IN2> value = element.getValue();
        OUT result = value.isOne() ? userFunction.map1(value.getOne()) : userFunction.map2(value.getTwo());
        output.collect(((StreamRecord<OUT>) (StreamRecord<?>) element).replace(result));
    }
}
