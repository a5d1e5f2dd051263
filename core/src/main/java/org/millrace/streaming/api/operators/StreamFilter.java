package org.millrace.streaming.api.operators;

import org.millrace.api.common.functions.FilterFunction;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link FilterFunction}: forwards the records it accepts. */
public final class StreamFilter<T> extends AbstractUdfOperator<FilterFunction<T>, T>
        implements OneInputStreamOperator<T, T> {

    public StreamFilter(StreamOperatorParameters<T> parameters, FilterFunction<T> function) {
        super(parameters, function);
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        if (userFunction.filter(element.getValue())) {
            output.collect(element);
        }
    }
}
