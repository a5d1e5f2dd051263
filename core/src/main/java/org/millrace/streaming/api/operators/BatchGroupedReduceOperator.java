package org.millrace.streaming.api.operators;

import java.util.HashMap;
import java.util.Map;
import org.millrace.api.common.functions.ReduceFunction;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.streaming.api.functions.aggregation.InPlaceReduceFunction;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * BATCH keyed reduce: folds every input of a key into one value in a hash table and emits exactly
 * one final result per key when the input ends. Holds one value per distinct key in memory.
 */
public final class BatchGroupedReduceOperator<K, T> extends AbstractUdfOperator<ReduceFunction<T>, T>
        implements OneInputStreamOperator<T, T> {

    private final KeySelector<T, K> keySelector;
    private final HashMap<K, T> values = new HashMap<>(1024);
    private final InPlaceReduceFunction<T> inPlace;

    public BatchGroupedReduceOperator(StreamOperatorParameters<T> parameters, ReduceFunction<T> function) {
        super(parameters, function);
        this.keySelector = parameters.getKeySelector();
        this.inPlace = function instanceof InPlaceReduceFunction<T> f ? f : null;
    }

    /**
     * Input records are private to this operator (they were just deserialized), so the first one of
     * a key can serve as its accumulator.
     */
    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        T value = element.getValue();
        K key = keySelector.getKey(value);
        T current = values.putIfAbsent(key, value);
        if (current != null) {
            T reduced = inPlace != null ? inPlace.reduceInPlace(current, value) : userFunction.reduce(current, value);
            if (reduced != current) {
                values.put(key, reduced);
            }
        }
    }

    @Override
    public void finish() throws Exception {
        StreamRecord<T> out = new StreamRecord<>(null);
        for (Map.Entry<K, T> e : values.entrySet()) {
            output.collect(out.replace(e.getValue()));
        }
        values.clear();
    }
}
