package org.millrace.streaming.api.operators;

import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * STREAMING keyed reduce: keeps the reduced value per key in keyed state and emits the running
 * result after every input, as Flink does for unbounded streams.
 */
public final class StreamGroupedReduceOperator<K, T> extends AbstractUdfOperator<ReduceFunction<T>, T>
        implements OneInputStreamOperator<T, T> {

    /** The name of the keyed state holding each key's reduced value. */
    static final String STATE_NAME = "_reduce_value";

    private final KeyContext<T, K> keyContext;
    private final ValueState<T> values;

    /** @param valueType the stream's type, which the reduced values are kept (and later snapshotted) as */
    public StreamGroupedReduceOperator(StreamOperatorParameters<T> parameters, ReduceFunction<T> function,
            TypeInformation<T> valueType) {
        super(parameters, function);
        this.keyContext = new KeyContext<>(parameters);
        this.values = keyContext.getBackend().getValueState(new ValueStateDescriptor<>(STATE_NAME, valueType));
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        T value = element.getValue();
        keyContext.setCurrentKeyOf(value);
        T current = values.value();
        T reduced = current == null ? value : userFunction.reduce(current, value);
        values.update(reduced);
        output.collect(element.replace(reduced));
    }
}
