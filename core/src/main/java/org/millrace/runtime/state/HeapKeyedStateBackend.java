package org.millrace.runtime.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;

/**
 * Keyed state on the Java heap for one operator instance ({@code state.backend.type: hashmap}),
 * laid out by key group: each state keeps one hash map per key group this instance owns, so a
 * snapshot can later be written (and redistributed on rescale) key group by key group. The
 * operator sets the current key before each record; states read and write the entry of that key.
 *
 * <p>Snapshots write every registered {@link KeyGroupedState} per key group in the canonical format
 * of {@link KeyedStateParts}. Checkpoints are asynchronous and copy-on-write: the synchronous part
 * only copies the slot arrays of each value state's tables ({@link StateTable#snapshot()}); the
 * writer thread serializes from those copies while the task goes on (a value the copies share is
 * copied on its next read). Timers and namespaced (window) state are serialized in the synchronous
 * part.
 *
 * <p>Used by the task thread only.
 */
public final class HeapKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {

    private final Map<String, HeapValueState<K, ?>> states = new HashMap<>();
    private final Map<String, HeapNamespacedState<K, ?, ?>> namespacedStates = new HashMap<>();
    private K currentKey;
    private int currentKeyGroupIndex;

    /** A backend whose keys are snapshotted with Kryo (the key type is not known). */
    @SuppressWarnings("unchecked")
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
        this(keyGroupRange, maxParallelism, (TypeSerializer<K>) new KryoSerializer<>(Object.class));
    }

    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, TypeSerializer<K> keySerializer) {
        super(keyGroupRange, maxParallelism, keySerializer);
    }

    /** Freezes the state now (copy-on-write; the task may change it afterwards); the writer thread serializes it. */
    @Override
    public KeyedStateSnapshot snapshotForCheckpoint(long checkpointId, boolean savepoint) throws IOException {
        return KeyedStateSnapshot.ofFrozenParts(parts.freeze(name -> true));
    }

    @Override
    public void restoreIncremental(List<IncrementalKeyedStateHandle> handles, TaskCheckpointStorage storage)
            throws IOException {
        if (!handles.isEmpty()) {
            throw new IOException("The checkpoint holds incremental RocksDB snapshots (" + handles.get(0).privateFiles()
                    + ", ...), which the hashmap state backend cannot read; restore it with state.backend.type: rocksdb,"
                    + " or take a savepoint (always in the canonical format) to change the backend");
        }
    }

    @Override
    public void close() {
        states.clear();
        namespacedStates.clear();
    }

    @Override
    public void setCurrentKey(K key) {
        int keyGroup = checkedKeyGroup(key);
        currentKey = key;
        currentKeyGroupIndex = keyGroup - keyGroupRange.startKeyGroup();
    }

    @Override
    public void setCurrentKey(K key, int keyGroup) {
        currentKey = key;
        currentKeyGroupIndex = keyGroup - keyGroupRange.startKeyGroup();
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroup() {
        return currentKeyGroupIndex + keyGroupRange.startKeyGroup();
    }

    int currentKeyGroupIndex() {
        return currentKeyGroupIndex;
    }

    @Override
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

    @Override
    protected List<K> keysWithValue(ValueStateDescriptor<?> descriptor) {
        HeapValueState<K, ?> state = (HeapValueState<K, ?>) getValueState(descriptor);
        List<K> keys = new ArrayList<>();
        for (StateTable<K, ?> table : state.tables) {
            if (table != null) {
                table.forEach((key, value) -> keys.add(key));
            }
        }
        return keys;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, S> NamespacedState<K, N, S> getNamespacedState(String name) {
        return (NamespacedState<K, N, S>) namespacedStates.computeIfAbsent(name, n -> {
            HeapNamespacedState<K, N, S> created = new HeapNamespacedState<>(this, keyGroupRange.size());
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
            writeEntries(table.size(), table::forEach, backend.keySerializer, valueSerializer, out);
            return true;
        }

        /** Copies of the tables' slot arrays, written later with duplicates of the serializers. */
        @Override
        @SuppressWarnings("unchecked")
        public KeyGroupedState freeze(KeyGroupRange keyGroups) {
            StateTable.Snapshot<K, V>[] snapshots = new StateTable.Snapshot[tables.length];
            for (int i = 0; i < tables.length; i++) {
                if (tables[i] != null && tables[i].size() > 0) {
                    snapshots[i] = tables[i].snapshot();
                }
            }
            TypeSerializer<K> keys = backend.keySerializer.duplicate();
            TypeSerializer<V> values = valueSerializer.duplicate();
            int start = backend.keyGroupRange.startKeyGroup();
            return new KeyGroupedState() {
                @Override
                public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
                    StateTable.Snapshot<K, V> snapshot = snapshots[keyGroup - start];
                    if (snapshot == null) {
                        return false;
                    }
                    writeEntries(snapshot.size(), snapshot::forEach, keys, values, out);
                    return true;
                }

                @Override
                public void readKeyGroup(int keyGroup, DataInputView in) {
                    throw new UnsupportedOperationException("A frozen snapshot part is written, never read into");
                }
            };
        }

        /** {@code int count}, then each entry as key and value. */
        private static <K, V> void writeEntries(int count, java.util.function.Consumer<java.util.function.BiConsumer<K, V>> entries,
                                                TypeSerializer<K> keys, TypeSerializer<V> values, DataOutputView out)
                throws IOException {
            out.writeInt(count);
            IOException[] failure = new IOException[1];
            entries.accept((key, value) -> {
                if (failure[0] == null) {
                    try {
                        keys.serialize(key, out);
                        values.serialize(value, out);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }

        @Override
        public void readKeyGroup(int keyGroup, DataInputView in) throws IOException {
            int index = keyGroup - backend.keyGroupRange.startKeyGroup();
            StateTable<K, V> table = tables[index];
            if (table == null) {
                table = new StateTable<>(valueSerializer);
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
                t = new StateTable<>(valueSerializer);
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
