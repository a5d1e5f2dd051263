package org.millrace.streaming.api.operators;

import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.KeyGroupRangeAssignment;

/**
 * The keyed part of a keyed operator: extracts each record's key with the stream's key selector and
 * scopes the operator's keyed state backend to it.
 */
public final class KeyContext<IN, K> {

    private final KeySelector<IN, K> keySelector;
    private final KeyedStateBackend<K> backend;

    public KeyContext(StreamOperatorParameters<?> parameters) {
        this.keySelector = parameters.getKeySelector();
        if (keySelector == null) {
            throw new IllegalStateException(parameters.getOperatorName() + " needs a keyed input (keyBy)");
        }
        StreamingRuntimeContext ctx = parameters.getRuntimeContext();
        @SuppressWarnings("unchecked")
        TypeSerializer<K> keys = (TypeSerializer<K>) new KryoSerializer<>(Object.class); // the key type is not known
        this.backend = ctx.getKeyedStateBackendLoader().create(
                parameters.getOperatorName() + " (" + (ctx.getIndexOfThisSubtask() + 1) + "/"
                        + ctx.getNumberOfParallelSubtasks() + ")",
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                        ctx.getMaxNumberOfParallelSubtasks(), ctx.getNumberOfParallelSubtasks(), ctx.getIndexOfThisSubtask()),
                ctx.getMaxNumberOfParallelSubtasks(), keys);
        ctx.setKeyedStateBackend(backend);
    }

    /** Extracts the key of {@code value}, makes it current and returns it. */
    public K setCurrentKeyOf(IN value) throws Exception {
        K key = keySelector.getKey(value);
        backend.setCurrentKey(key);
        return key;
    }

    public K getCurrentKey() {
        return backend.getCurrentKey();
    }

    public KeyedStateBackend<K> getBackend() {
        return backend;
    }
}
