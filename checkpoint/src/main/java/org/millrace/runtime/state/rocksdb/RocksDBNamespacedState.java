package org.millrace.runtime.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.DataOutputView;
import org.millrace.runtime.state.KeyGroupedState;
import org.millrace.runtime.state.NamespacedState;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A {@link NamespacedState} (window contents, per-window state) in a column family of the
 * {@link RocksDBKeyedStateBackend}: the RocksDB key is {@code [key group][key][namespace]}, namespaces
 * and entries serialized with Kryo as the heap backend snapshots them, so the canonical format is the
 * same byte for byte.
 */
final class RocksDBNamespacedState<K, N, S> implements NamespacedState<K, N, S>, KeyGroupedState {

    private final RocksDBKeyedStateBackend<K> backend;
    private final ColumnFamilyHandle columnFamily;
    private final TypeSerializer<Object> namespaceSerializer = new KryoSerializer<>(Object.class);
    private final TypeSerializer<Object> valueSerializer = new KryoSerializer<>(Object.class);
    private final DataOutputSerializer keyBytes = new DataOutputSerializer(64);
    private final DataOutputSerializer valueBytes = new DataOutputSerializer(128);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private N namespace;

    RocksDBNamespacedState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle columnFamily) {
        this.backend = backend;
        this.columnFamily = columnFamily;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

    @Override
    public N getCurrentNamespace() {
        return namespace;
    }

    /** Builds the RocksDB key of the current key in {@code ns} into {@link #keyBytes}. */
    private void buildKey(N ns) throws IOException {
        keyBytes.clear();
        keyBytes.write(backend.currentKeyBytes(), 0, backend.currentKeyLength());
        namespaceSerializer.serialize(ns, keyBytes);
    }

    @Override
    public S get() {
        return get(namespace);
    }

    @Override
    @SuppressWarnings("unchecked")
    public S get(N otherNamespace) {
        try {
            buildKey(otherNamespace);
            byte[] bytes = backend.instance().db().get(columnFamily, keyBytes.getSharedBuffer(), 0, keyBytes.length());
            if (bytes == null) {
                return null;
            }
            in.setBuffer(bytes, 0, bytes.length);
            return (S) valueSerializer.deserialize(in);
        } catch (RocksDBException | IOException e) {
            throw new UncheckedIOException(new IOException("Could not read keyed state from RocksDB: " + e.getMessage(), e));
        }
    }

    @Override
    public void update(S value) {
        if (value == null) {
            clear();
            return;
        }
        try {
            buildKey(namespace);
            valueBytes.clear();
            valueSerializer.serialize(value, valueBytes);
            RocksDBInstance db = backend.instance();
            db.db().put(columnFamily, db.writeOptions(), keyBytes.getSharedBuffer(), 0, keyBytes.length(),
                    valueBytes.getSharedBuffer(), 0, valueBytes.length());
        } catch (RocksDBException | IOException e) {
            throw new UncheckedIOException(new IOException("Could not write keyed state to RocksDB: " + e.getMessage(), e));
        }
    }

    @Override
    public void clear() {
        clear(namespace);
    }

    @Override
    public void clear(N otherNamespace) {
        try {
            buildKey(otherNamespace);
            RocksDBInstance db = backend.instance();
            db.db().delete(columnFamily, db.writeOptions(), keyBytes.getSharedBuffer(), 0, keyBytes.length());
        } catch (RocksDBException | IOException e) {
            throw new UncheckedIOException(new IOException("Could not clear keyed state in RocksDB: " + e.getMessage(), e));
        }
    }

    @Override
    public int size() {
        try (RocksIterator it = backend.instance().db().newIterator(columnFamily)) {
            int n = 0;
            for (it.seekToFirst(); it.isValid(); it.next()) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
        return backend.instance().writeKeyGroup(columnFamily, keyGroup, out);
    }

    /** Reads the canonical entries (key, namespace, value) of {@code keyGroup} into the database. */
    @Override
    public void readKeyGroup(int keyGroup, DataInputView in) throws IOException {
        backend.readCanonicalEntries(keyGroup, in, columnFamily, (entry, key, value) -> {
            namespaceSerializer.serialize(namespaceSerializer.deserialize(entry), key);
            valueSerializer.serialize(valueSerializer.deserialize(entry), value);
        });
    }
}
