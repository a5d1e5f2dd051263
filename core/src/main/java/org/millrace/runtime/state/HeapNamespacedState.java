package org.millrace.runtime.state;

import java.io.IOException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * The {@link NamespacedState} of the {@link HeapKeyedStateBackend}: objects in one
 * {@link NamespacedStateTable} per key group, snapshotted key group by key group (keys with the
 * backend's key serializer, namespaces and entries with Kryo).
 *
 * <p>Used by the task thread only.
 */
final class HeapNamespacedState<K, N, S> implements NamespacedState<K, N, S>, KeyGroupedState {

    private final HeapKeyedStateBackend<K> backend;
    private final NamespacedStateTable<K, N, S>[] tables;
    /** Namespaces and entries are snapshotted with Kryo: operators keep objects of many kinds here. */
    private final TypeSerializer<Object> namespaceSerializer = new KryoSerializer<>(Object.class);
    private final TypeSerializer<Object> valueSerializer = new KryoSerializer<>(Object.class);
    private N namespace;

    @SuppressWarnings("unchecked")
    HeapNamespacedState(HeapKeyedStateBackend<K> backend, int numKeyGroups) {
        this.backend = backend;
        this.tables = new NamespacedStateTable[numKeyGroups];
    }

    @Override
    public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
        NamespacedStateTable<K, N, S> table = tables[keyGroup - backend.getKeyGroupRange().startKeyGroup()];
        if (table == null || table.size() == 0) {
            return false;
        }
        out.writeInt(table.size());
        TypeSerializer<K> keys = backend.getKeySerializer();
        table.forEach((key, ns, value) -> {
            keys.serialize(key, out);
            namespaceSerializer.serialize(ns, out);
            valueSerializer.serialize(value, out);
        });
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readKeyGroup(int keyGroup, DataInputView in) throws IOException {
        int index = keyGroup - backend.getKeyGroupRange().startKeyGroup();
        NamespacedStateTable<K, N, S> table = tables[index];
        if (table == null) {
            table = new NamespacedStateTable<>();
            tables[index] = table;
        }
        int count = in.readInt();
        TypeSerializer<K> keys = backend.getKeySerializer();
        for (int i = 0; i < count; i++) {
            K key = keys.deserialize(in);
            table.put(key, (N) namespaceSerializer.deserialize(in), (S) valueSerializer.deserialize(in));
        }
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

    @Override
    public N getCurrentNamespace() {
        return namespace;
    }

    private NamespacedStateTable<K, N, S> table() {
        int idx = backend.currentKeyGroupIndex();
        NamespacedStateTable<K, N, S> t = tables[idx];
        if (t == null) {
            t = new NamespacedStateTable<>();
            tables[idx] = t;
        }
        return t;
    }

    @Override
    public S get() {
        return table().get(backend.getCurrentKey(), namespace);
    }

    @Override
    public S get(N otherNamespace) {
        return table().get(backend.getCurrentKey(), otherNamespace);
    }

    @Override
    public void update(S value) {
        if (value == null) {
            clear();
        } else {
            table().put(backend.getCurrentKey(), namespace, value);
        }
    }

    @Override
    public void clear() {
        table().remove(backend.getCurrentKey(), namespace);
    }

    @Override
    public void clear(N otherNamespace) {
        table().remove(backend.getCurrentKey(), otherNamespace);
    }

    @Override
    public int size() {
        int n = 0;
        for (NamespacedStateTable<K, N, S> t : tables) {
            n += t == null ? 0 : t.size();
        }
        return n;
    }
}
