package org.millrace.streaming.api.operators.co;

import org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.runtime.state.OperatorStateStore;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.state.BroadcastState;
import org.millrace.api.common.state.MapStateDescriptor;

/**
 * The broadcast states of one parallel instance of a broadcast process operator, one map per
 * descriptor declared with {@code broadcast(descriptors)}. Held on the heap by the task thread.
 */
public final class BroadcastStates {

    private static final String STATE_PREFIX = "broadcast:";

    private final Map<String, HeapBroadcastState<?, ?>> states = new HashMap<>();

    public BroadcastStates(List<MapStateDescriptor<?, ?>> declared) {
        for (MapStateDescriptor<?, ?> descriptor : declared) {
            states.put(descriptor.getName(), new HeapBroadcastState<>());
        }
    }

    /**
     * Writes every broadcast state into a checkpoint. The states are the same in every instance, so
     * only instance 0 writes them, as union lists every restored instance reads whole.
     */
    public void snapshot(int subtaskIndex, OperatorStateStore store) throws java.io.IOException {
        if (subtaskIndex != 0) {
            return;
        }
        KryoSerializer<Object> kryo = new KryoSerializer<>(Object.class);
        for (Map.Entry<String, HeapBroadcastState<?, ?>> state : states.entrySet()) {
            DataOutputSerializer bytes = new DataOutputSerializer(256);
            kryo.serialize(new LinkedHashMap<>(state.getValue().map), bytes);
            store.put(STATE_PREFIX + state.getKey(), OperatorStateStore.Distribution.UNION, List.of(bytes.copyOfBuffer()));
        }
    }

    /** Takes the broadcast states back from a checkpoint. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void restore(OperatorStateStore store) throws java.io.IOException {
        KryoSerializer<Object> kryo = new KryoSerializer<>(Object.class);
        for (Map.Entry<String, HeapBroadcastState<?, ?>> state : states.entrySet()) {
            for (byte[] bytes : store.get(STATE_PREFIX + state.getKey())) {
                Map restored = (Map) kryo.deserialize(new DataInputDeserializer(bytes));
                ((Map) state.getValue().map).putAll(restored);
            }
        }
    }

    /** The state of {@code descriptor}; it must be one the broadcast stream declared. */
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
        HeapBroadcastState<?, ?> state = states.get(descriptor.getName());
        if (state == null) {
            throw new IllegalArgumentException("No broadcast state '" + descriptor.getName() + "': declare it with"
                    + " stream.broadcast(descriptor); declared are " + states.keySet());
        }
        return (BroadcastState<K, V>) state;
    }

    /** A broadcast state as an insertion-ordered map. */
    private static final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
        private final Map<K, V> map = new LinkedHashMap<>();

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public boolean contains(K key) {
            return map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public void put(K key, V value) {
            map.put(key, value);
        }

        @Override
        public void putAll(Map<K, V> values) {
            map.putAll(values);
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return map.entrySet();
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return map.entrySet().iterator();
        }

        @Override
        public void clear() {
            map.clear();
        }
    }
}
