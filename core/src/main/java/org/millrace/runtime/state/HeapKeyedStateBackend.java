package org.millrace.runtime.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.state.KeyedStateFunction;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;

/**
 * Keyed state on the Java heap for one operator instance, laid out by key group: each state keeps
 * one hash map per key group this instance owns, so a snapshot can later be written (and
 * redistributed on rescale) key group by key group. The operator sets the current key before each
 * record; states read and write the entry of that key.
 *
 * <p>Used by the task thread only.
 */
public final class HeapKeyedStateBackend<K> {

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final Map<String, HeapValueState<K, ?>> states = new HashMap<>();
    private final Map<String, NamespacedState<K, ?, ?>> namespacedStates = new HashMap<>();
    private K currentKey;
    private int currentKeyGroupIndex;

    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
    }

    /** Scopes all states to {@code key}; fails if the key does not belong to this instance (a routing bug). */
    public void setCurrentKey(K key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("Key " + key + " is in key group " + keyGroup
                    + ", which this operator instance does not own (" + keyGroupRange + ")");
        }
        currentKey = key;
        currentKeyGroupIndex = keyGroup - keyGroupRange.startKeyGroup();
    }

    /**
     * Scopes all states to {@code key}, whose key group the caller already knows (a timer keeps it),
     * so the hash is not computed again.
     */
    public void setCurrentKey(K key, int keyGroup) {
        currentKey = key;
        currentKeyGroupIndex = keyGroup - keyGroupRange.startKeyGroup();
    }

    public K getCurrentKey() {
        return currentKey;
    }

    /** The key group of the current key. */
    public int getCurrentKeyGroup() {
        return currentKeyGroupIndex + keyGroupRange.startKeyGroup();
    }

    int currentKeyGroupIndex() {
        return currentKeyGroupIndex;
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /** The state named by the descriptor, created on first use; one instance per name. */
    @SuppressWarnings("unchecked")
    public <V> ValueState<V> getValueState(ValueStateDescriptor<V> descriptor) {
        return (ValueState<V>) states.computeIfAbsent(descriptor.getName(), n -> new HeapValueState<>(this, keyGroupRange.size()));
    }

    /**
     * Calls {@code function} for every key that has a value in the state of {@code descriptor},
     * with that key current; the keys are collected first, so the function may change or clear
     * the state. The current key afterwards is the last one visited.
     */
    @SuppressWarnings("unchecked")
    public <V> void applyToAllKeys(ValueStateDescriptor<V> descriptor, KeyedStateFunction<K, ValueState<V>> function)
            throws Exception {
        HeapValueState<K, V> state = (HeapValueState<K, V>) getValueState(descriptor);
        List<K> keys = new ArrayList<>();
        for (StateTable<K, V> table : state.tables) {
            if (table != null) {
                table.forEach((key, value) -> keys.add(key));
            }
        }
        for (K key : keys) {
            setCurrentKey(key);
            function.process(key, state);
        }
    }

    /** The namespaced state called {@code name}, created on first use; one instance per name. */
    @SuppressWarnings("unchecked")
    public <N, S> NamespacedState<K, N, S> getNamespacedState(String name) {
        return (NamespacedState<K, N, S>) namespacedStates.computeIfAbsent(name,
                n -> new NamespacedState<K, N, S>(this, keyGroupRange.size()));
    }

    /** A {@link ValueState} holding one {@link StateTable} per key group. */
    static final class HeapValueState<K, V> implements ValueState<V> {
        private final HeapKeyedStateBackend<K> backend;
        private final StateTable<K, V>[] tables;

        @SuppressWarnings("unchecked")
        HeapValueState(HeapKeyedStateBackend<K> backend, int numKeyGroups) {
            this.backend = backend;
            this.tables = new StateTable[numKeyGroups];
        }

        private StateTable<K, V> table() {
            int idx = backend.currentKeyGroupIndex();
            StateTable<K, V> t = tables[idx];
            if (t == null) {
                t = new StateTable<>();
                tables[idx] = t;
            }
            return t;
        }

        @Override
        public V value() {
            return table().get(backend.getCurrentKey());
        }

        @Override
        public void update(V value) {
            if (value == null) {
                clear();
            } else {
                table().put(backend.getCurrentKey(), value);
            }
        }

        @Override
        public void clear() {
            table().remove(backend.getCurrentKey());
        }
    }
}
