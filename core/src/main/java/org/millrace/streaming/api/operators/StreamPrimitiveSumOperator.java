package org.millrace.streaming.api.operators;

import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.FieldAccessor;
import org.millrace.streaming.api.functions.aggregation.SumAggregator;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * STREAMING {@code sum(field)} over an integral or double field: emits the running result after
 * every record, like the generic keyed reduce, but keeps each key's sum as a primitive in a
 * {@link RunningSum} changed in place, so a record costs one state lookup, one addition and the copy
 * it emits (no boxed sum stored, no young object written into the state).
 *
 * <p>The state has the generic reduce's name and snapshot format, so a savepoint of either restores
 * into the other.
 */
public final class StreamPrimitiveSumOperator<K, T> extends AbstractUdfOperator<SumAggregator<T>, T>
        implements OneInputStreamOperator<T, T> {

    private final KeyContext<T, K> keyContext;
    private final ValueState<RunningSum<T>> sums;
    private final FieldAccessor<T, Object> field;
    private final PrimitiveSumKind kind;
    private final TypeSerializer<T> records;

    public StreamPrimitiveSumOperator(StreamOperatorParameters<T> parameters, SumAggregator<T> aggregator,
            TypeInformation<T> recordType, FieldAccessor<T, Object> field, PrimitiveSumKind kind) {
        super(parameters, aggregator);
        this.keyContext = new KeyContext<>(parameters);
        this.field = field;
        this.kind = kind;
        this.records = recordType.createSerializer();
        this.sums = keyContext.getBackend().getValueState(new ValueStateDescriptor<>(
                StreamGroupedReduceOperator.STATE_NAME, new RunningSum.Type<>(recordType, field, kind)));
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        T value = element.getValue();
        keyContext.setCurrentKeyOf(value);
        RunningSum<T> sum = sums.value();
        if (sum == null) {
            sum = RunningSum.startingWith(value, field, kind);
        } else {
            sum.add(field.get(value), kind);
        }
        sums.update(sum);
        output.collect(element.replace(sum.result(field, kind, records)));
    }
}
