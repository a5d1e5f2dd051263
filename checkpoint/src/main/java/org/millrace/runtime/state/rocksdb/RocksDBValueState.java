package org.millrace.runtime.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.core.memory.DataOutputView;
import org.millrace.runtime.state.KeyGroupedState;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * A {@link ValueState} in a column family of the {@link RocksDBKeyedStateBackend}: the RocksDB key is
 * the backend's current key prefix (key group and serialized key), the value the state's serialized
 * value. Reuses its buffers, so an access allocates only what deserializing needs.
 */
final class RocksDBValueState<K, V> implements ValueState<V>, KeyGroupedState {

    private final RocksDBKeyedStateBackend<K> backend;
    private final ColumnFamilyHandle columnFamily;
    private final TypeSerializer<V> valueSerializer;
    private final DataOutputSerializer valueBytes = new DataOutputSerializer(64);
    private final DataInputDeserializer in = new DataInputDeserializer();

    RocksDBValueState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle columnFamily,
                      TypeSerializer<V> valueSerializer) {
        this.backend = backend;
        this.columnFamily = columnFamily;
        this.valueSerializer = valueSerializer;
    }

    ColumnFamilyHandle columnFamily() {
        return columnFamily;
    }

    @Override
    public V value() {
        try {
            byte[] bytes = backend.instance().db().get(columnFamily, backend.currentKeyBytes(), 0,
                    backend.currentKeyLength());
            if (bytes == null) {
                return null;
            }
            in.setBuffer(bytes, 0, bytes.length);
            return valueSerializer.deserialize(in);
        } catch (RocksDBException | IOException e) {
            throw new UncheckedIOException(new IOException("Could not read keyed state from RocksDB: " + e.getMessage(), e));
        }
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
            return;
        }
        try {
            valueBytes.clear();
            valueSerializer.serialize(value, valueBytes);
            RocksDBInstance db = backend.instance();
            db.db().put(columnFamily, db.writeOptions(), backend.currentKeyBytes(), 0, backend.currentKeyLength(),
                    valueBytes.getSharedBuffer(), 0, valueBytes.length());
        } catch (RocksDBException | IOException e) {
            throw new UncheckedIOException(new IOException("Could not write keyed state to RocksDB: " + e.getMessage(), e));
        }
    }

    @Override
    public void clear() {
        try {
            RocksDBInstance db = backend.instance();
            db.db().delete(columnFamily, db.writeOptions(), backend.currentKeyBytes(), 0, backend.currentKeyLength());
        } catch (RocksDBException | IOException e) {
            throw new UncheckedIOException(new IOException("Could not clear keyed state in RocksDB: " + e.getMessage(), e));
        }
    }

    @Override
    public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
        return backend.instance().writeKeyGroup(columnFamily, keyGroup, out);
    }

    /** Reads the canonical entries (key, value) of {@code keyGroup} into the database. */
    @Override
    public void readKeyGroup(int keyGroup, DataInputView in) throws IOException {
        backend.readCanonicalEntries(keyGroup, in, columnFamily,
                (entry, key, value) -> valueSerializer.serialize(valueSerializer.deserialize(entry), value));
    }
}
