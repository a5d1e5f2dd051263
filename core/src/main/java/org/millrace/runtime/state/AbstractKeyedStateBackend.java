package org.millrace.runtime.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.millrace.api.common.state.KeyedStateFunction;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeutils.TypeSerializer;

/**
 * What every keyed state backend shares: its key groups, key serializer and the named parts of
 * its canonical snapshots ({@link KeyedStateParts}), and the check that a key belongs to this
 * instance. Backends differ in where the states keep their entries.
 */
public abstract class AbstractKeyedStateBackend<K> implements KeyedStateBackend<K> {

    protected final KeyGroupRange keyGroupRange;
    protected final int maxParallelism;
    protected final TypeSerializer<K> keySerializer;
    protected final KeyedStateParts parts;

    protected AbstractKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, TypeSerializer<K> keySerializer) {
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
        this.keySerializer = keySerializer;
        this.parts = new KeyedStateParts(keyGroupRange, maxParallelism);
    }

    /** The key group of {@code key}; fails if this instance does not own it (a routing bug). */
    protected final int checkedKeyGroup(K key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("Key " + key + " is in key group " + keyGroup
                    + ", which this operator instance does not own (" + keyGroupRange + ")");
        }
        return keyGroup;
    }

    @Override
    public final TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    @Override
    public final KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public final int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public final void register(String name, KeyGroupedState state) throws IOException {
        parts.register(name, state);
    }

    @Override
    public final void snapshot(OutputStream out) throws IOException {
        parts.snapshot(out, name -> true);
    }

    @Override
    public final void restore(InputStream in, String source) throws IOException {
        parts.restore(in, source);
    }

    @Override
    public final <V> void applyToAllKeys(ValueStateDescriptor<V> descriptor, KeyedStateFunction<K, ValueState<V>> function)
            throws Exception {
        ValueState<V> state = getValueState(descriptor);
        for (K key : keysWithValue(descriptor)) {
            setCurrentKey(key);
            function.process(key, state);
        }
    }

    /** The keys with a value in the state of {@code descriptor}, collected first so the caller may change the state. */
    protected abstract List<K> keysWithValue(ValueStateDescriptor<?> descriptor) throws IOException;
}
