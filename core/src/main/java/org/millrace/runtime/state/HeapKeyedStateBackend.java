package org.millrace.runtime.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.state.KeyedStateFunction;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.DataOutputView;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;

/**
 * Keyed state on the Java heap for one operator instance, laid out by key group: each state keeps
 * one hash map per key group this instance owns, so a snapshot can later be written (and
 * redistributed on rescale) key group by key group. The operator sets the current key before each
 * record; states read and write the entry of that key.
 *
 * <p>Snapshots ({@link #snapshot}) write every registered {@link KeyGroupedState} per key group;
 * {@link #restore} reads back the key groups this instance owns from any number of files (more
 * than one when the parallelism changed), keeping each state's bytes until that state is
 * registered (operators ask for their states when they open, after the restore).
 *
 * <p>File format (version 1): {@code int magic, int version, int maxParallelism}, then per key group
 * with entries {@code int keyGroup, int states} and per state {@code UTF name, int length, bytes};
 * {@code -1} ends the file.
 *
 * <p>Used by the task thread only.
 */
public final class HeapKeyedStateBackend<K> {

    private static final int MAGIC = 0x4D524B53; // "MRKS"
    private static final int VERSION = 1;

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final TypeSerializer<K> keySerializer;
    private final Map<String, HeapValueState<K, ?>> states = new HashMap<>();
    private final Map<String, NamespacedState<K, ?, ?>> namespacedStates = new HashMap<>();
    private final Map<String, KeyGroupedState> snapshotParts = new LinkedHashMap<>();
    /** Restored bytes of states not registered yet: name -> key group -> bytes. */
    private final Map<String, Map<Integer, byte[]>> restoredParts = new HashMap<>();
    private K currentKey;
    private int currentKeyGroupIndex;

    /** A backend whose keys are snapshotted with Kryo (the key type is not known). */
    @SuppressWarnings("unchecked")
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
        this(keyGroupRange, maxParallelism, (TypeSerializer<K>) new KryoSerializer<>(Object.class));
    }

    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, TypeSerializer<K> keySerializer) {
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
        this.keySerializer = keySerializer;
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    /**
     * Adds a part to what snapshots write, under a name unique in this backend; restored bytes
     * waiting for that name are read into it now.
     */
    public void register(String name, KeyGroupedState state) throws IOException {
        if (snapshotParts.putIfAbsent(name, state) != null) {
            throw new IllegalStateException("Keyed state '" + name + "' is registered twice");
        }
        Map<Integer, byte[]> restored = restoredParts.remove(name);
        if (restored != null) {
            DataInputDeserializer in = new DataInputDeserializer();
            for (Map.Entry<Integer, byte[]> e : restored.entrySet()) {
                in.setBuffer(e.getValue(), 0, e.getValue().length);
                state.readKeyGroup(e.getKey(), in);
            }
        }
    }

    /** Writes every registered state of every key group this instance owns. */
    public void snapshot(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(maxParallelism);
        DataOutputSerializer buffer = new DataOutputSerializer(4096);
        List<String> names = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        for (int kg = keyGroupRange.startKeyGroup(); kg <= keyGroupRange.endKeyGroup(); kg++) {
            names.clear();
            blobs.clear();
            for (Map.Entry<String, KeyGroupedState> part : snapshotParts.entrySet()) {
                buffer.clear();
                if (part.getValue().writeKeyGroup(kg, buffer)) {
                    names.add(part.getKey());
                    blobs.add(buffer.copyOfBuffer());
                }
            }
            // restored state nobody asked for again stays in the snapshot
            for (Map.Entry<String, Map<Integer, byte[]>> pending : restoredParts.entrySet()) {
                byte[] bytes = pending.getValue().get(kg);
                if (bytes != null) {
                    names.add(pending.getKey());
                    blobs.add(bytes);
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            out.writeInt(kg);
            out.writeInt(names.size());
            for (int i = 0; i < names.size(); i++) {
                out.writeUTF(names.get(i));
                out.writeInt(blobs.get(i).length);
                out.write(blobs.get(i));
            }
        }
        out.writeInt(-1);
        out.flush();
    }

    /**
     * Reads the key groups of this instance from one snapshot file (of any instance of the
     * operator, at any parallelism); call once per file before the operator opens.
     */
    public void restore(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic = in.readInt();
        int version = in.readInt();
        int writtenMaxParallelism = in.readInt();
        if (magic != MAGIC || version != VERSION) {
            throw new IOException(source + " is not keyed state of a known version (magic "
                    + Integer.toHexString(magic) + ", version " + version + ")");
        }
        if (writtenMaxParallelism != maxParallelism) {
            throw new IOException(source + " was written with max parallelism " + writtenMaxParallelism
                    + " (key groups), but the operator now has " + maxParallelism
                    + "; the max parallelism of a stateful operator cannot change");
        }
        int kg;
        while ((kg = in.readInt()) >= 0) {
            int parts = in.readInt();
            for (int i = 0; i < parts; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                if (!keyGroupRange.contains(kg)) {
                    continue;
                }
                KeyGroupedState registered = snapshotParts.get(name);
                if (registered != null) {
                    registered.readKeyGroup(kg, new DataInputDeserializer(bytes));
                } else {
                    restoredParts.computeIfAbsent(name, n -> new HashMap<>()).put(kg, bytes);
                }
            }
        }
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
        HeapValueState<K, ?> state = states.get(descriptor.getName());
        if (state == null) {
            HeapValueState<K, V> created = new HeapValueState<>(this, keyGroupRange.size(),
                    descriptor.getTypeInformation().createSerializer());
            try {
                register(descriptor.getName(), created);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not restore state '" + descriptor.getName() + "'", e);
            }
            states.put(descriptor.getName(), created);
            state = created;
        }
        return (ValueState<V>) state;
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
        return (NamespacedState<K, N, S>) namespacedStates.computeIfAbsent(name, n -> {
            NamespacedState<K, N, S> created = new NamespacedState<>(this, keyGroupRange.size());
            try {
                register("namespaced:" + n, created);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not restore state '" + n + "'", e);
            }
            return created;
        });
    }

    /** A {@link ValueState} holding one {@link StateTable} per key group. */
    static final class HeapValueState<K, V> implements ValueState<V>, KeyGroupedState {
        private final HeapKeyedStateBackend<K> backend;
        private final StateTable<K, V>[] tables;
        private final TypeSerializer<V> valueSerializer;

        @SuppressWarnings("unchecked")
        HeapValueState(HeapKeyedStateBackend<K> backend, int numKeyGroups, TypeSerializer<V> valueSerializer) {
            this.backend = backend;
            this.tables = new StateTable[numKeyGroups];
            this.valueSerializer = valueSerializer;
        }

        @Override
        public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
            StateTable<K, V> table = tables[keyGroup - backend.keyGroupRange.startKeyGroup()];
            if (table == null || table.size() == 0) {
                return false;
            }
            out.writeInt(table.size());
            TypeSerializer<K> keys = backend.keySerializer;
            IOException[] failure = new IOException[1];
            table.forEach((key, value) -> {
                if (failure[0] == null) {
                    try {
                        keys.serialize(key, out);
                        valueSerializer.serialize(value, out);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            return true;
        }

        @Override
        public void readKeyGroup(int keyGroup, DataInputView in) throws IOException {
            int index = keyGroup - backend.keyGroupRange.startKeyGroup();
            StateTable<K, V> table = tables[index];
            if (table == null) {
                table = new StateTable<>();
                tables[index] = table;
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                K key = backend.keySerializer.deserialize(in);
                table.put(key, valueSerializer.deserialize(in));
            }
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
