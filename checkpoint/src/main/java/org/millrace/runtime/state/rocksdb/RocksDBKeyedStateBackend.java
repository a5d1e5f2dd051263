package org.millrace.runtime.state.rocksdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputSerializer;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.AbstractKeyedStateBackend;
import org.millrace.runtime.state.KeyedStateParts;
import org.millrace.runtime.state.KeyedStateSnapshot;
import org.millrace.runtime.state.NamespacedState;
import org.millrace.runtime.state.TaskCheckpointStorage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed state of one operator instance in an embedded RocksDB ({@code state.backend.type: rocksdb}),
 * for state larger than the heap and for incremental checkpoints. One database per instance in a
 * local working directory (deleted by {@link #close}), one column family per state; a key is
 * {@code [key group: 2 bytes big endian][serialized key][serialized namespace]}, a value the state's
 * serialized value. Values are (de)serialized on every access, so an object changed in place must be
 * written back.
 *
 * <p>Timers stay on the heap ({@link #register}) and are snapshotted with the database. Savepoints and
 * non-incremental checkpoints use the canonical format ({@link KeyedStateParts}), so they restore into
 * either backend; incremental checkpoints are {@link RocksDBIncrementalSnapshot}s.
 *
 * <p>Used by the task thread only.
 */
public final class RocksDBKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBKeyedStateBackend.class);

    private final String operatorIdentifier;
    private final boolean incremental;
    private final Path workingDirectory;
    private final RocksDBMemory memory;
    private final Map<String, RocksDBValueState<K, ?>> valueStates = new HashMap<>();
    private final Map<String, RocksDBNamespacedState<K, ?, ?>> namespacedStates = new HashMap<>();
    private final RocksDBIncrementalSnapshot.UploadedFiles uploadedFiles;
    private RocksDBInstance instance;
    private K currentKey;
    private int currentKeyGroup;
    /** The current key's prefix of every RocksDB key: key group and serialized key. */
    private final DataOutputSerializer currentKeyBytes = new DataOutputSerializer(64);
    private boolean closed;

    RocksDBKeyedStateBackend(String operatorIdentifier, KeyGroupRange keyGroupRange, int maxParallelism,
                             TypeSerializer<K> keySerializer, boolean incremental, Path workingDirectory,
                             RocksDBMemory memory) {
        super(keyGroupRange, maxParallelism, keySerializer);
        this.operatorIdentifier = operatorIdentifier;
        this.incremental = incremental;
        this.workingDirectory = workingDirectory;
        this.memory = memory;
        this.uploadedFiles = new RocksDBIncrementalSnapshot.UploadedFiles();
    }

    /** The database, opened (empty) on first use. */
    RocksDBInstance instance() throws IOException {
        if (instance == null) {
            if (closed) {
                throw new IllegalStateException("The RocksDB state backend of " + operatorIdentifier + " is closed");
            }
            instance = new RocksDBInstance(databaseDirectory(), memory);
            LOG.debug("{} opened RocksDB in {}", operatorIdentifier, databaseDirectory());
        }
        return instance;
    }

    private Path databaseDirectory() {
        return workingDirectory.resolve("db");
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public void setCurrentKey(K key) {
        setCurrentKey(key, checkedKeyGroup(key));
    }

    @Override
    public void setCurrentKey(K key, int keyGroup) {
        currentKey = key;
        currentKeyGroup = keyGroup;
        currentKeyBytes.clear();
        writeKeyPrefix(keyGroup, key, currentKeyBytes);
    }

    /** Writes {@code [key group][serialized key]} to {@code out}. */
    void writeKeyPrefix(int keyGroup, K key, DataOutputSerializer out) {
        out.writeShort(keyGroup);
        try {
            keySerializer.serialize(key, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize key " + key, e);
        }
    }

    /** What follows the key in an entry of the canonical format, copied into the RocksDB key (a namespace) and value. */
    interface EntryRest {
        void copy(DataInputView in, DataOutputSerializer key, DataOutputSerializer value) throws IOException;
    }

    /** Puts the canonical entries of {@code keyGroup} (a count, then key and {@code rest} per entry) into {@code columnFamily}. */
    void readCanonicalEntries(int keyGroup, DataInputView in, ColumnFamilyHandle columnFamily, EntryRest rest)
            throws IOException {
        int count = in.readInt();
        DataOutputSerializer key = new DataOutputSerializer(64);
        DataOutputSerializer value = new DataOutputSerializer(128);
        RocksDBInstance db = instance();
        try {
            for (int i = 0; i < count; i++) {
                key.clear();
                value.clear();
                writeKeyPrefix(keyGroup, keySerializer.deserialize(in), key);
                rest.copy(in, key, value);
                db.db().put(columnFamily, db.writeOptions(), key.getSharedBuffer(), 0, key.length(),
                        value.getSharedBuffer(), 0, value.length());
            }
        } catch (RocksDBException e) {
            throw new IOException("Could not restore keyed state into RocksDB: " + e.getMessage(), e);
        }
    }

    /** The current key's prefix; valid up to {@link #currentKeyLength()}. */
    byte[] currentKeyBytes() {
        return currentKeyBytes.getSharedBuffer();
    }

    int currentKeyLength() {
        return currentKeyBytes.length();
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> ValueState<V> getValueState(ValueStateDescriptor<V> descriptor) {
        RocksDBValueState<K, ?> state = valueStates.get(descriptor.getName());
        if (state == null) {
            String name = descriptor.getName();
            try {
                RocksDBValueState<K, V> created = new RocksDBValueState<>(this, instance().columnFamily(name),
                        descriptor.getTypeInformation().createSerializer());
                valueStates.put(name, created);
                parts.register(name, created);
                state = created;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create or restore state '" + name + "'", e);
            }
        }
        return (ValueState<V>) state;
    }

    @Override
    protected List<K> keysWithValue(ValueStateDescriptor<?> descriptor) throws IOException {
        RocksDBValueState<K, ?> state = (RocksDBValueState<K, ?>) getValueState(descriptor);
        List<K> keys = new ArrayList<>();
        DataInputDeserializer in = new DataInputDeserializer();
        instance().forEachInKeyGroups(state.columnFamily(), keyGroupRange.startKeyGroup(), keyGroupRange.endKeyGroup(),
                (key, value) -> {
                    in.setBuffer(key, 2, key.length - 2);
                    keys.add(keySerializer.deserialize(in));
                });
        return keys;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, S> NamespacedState<K, N, S> getNamespacedState(String name) {
        RocksDBNamespacedState<K, ?, ?> state = namespacedStates.get(name);
        if (state == null) {
            String partName = "namespaced:" + name;
            try {
                RocksDBNamespacedState<K, N, S> created = new RocksDBNamespacedState<>(this,
                        instance().columnFamily(partName));
                namespacedStates.put(name, created);
                parts.register(partName, created);
                state = created;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create or restore state '" + name + "'", e);
            }
        }
        return (NamespacedState<K, N, S>) state;
    }

    private boolean isInDatabase(String partName) {
        return valueStates.containsKey(partName)
                || (partName.startsWith("namespaced:") && namespacedStates.containsKey(partName.substring(11)));
    }

    /**
     * Savepoints and (without {@code state.backend.incremental}) checkpoints: the canonical format,
     * serialized now. Incremental checkpoints: the heap-resident parts (timers) serialized now, the
     * database flushed and hard-linked into a local directory, uploaded by the writer thread.
     */
    @Override
    public KeyedStateSnapshot snapshotForCheckpoint(long checkpointId, boolean savepoint) throws IOException {
        if (savepoint || !incremental) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            snapshot(bytes);
            return KeyedStateSnapshot.ofCanonicalBytes(bytes.toByteArray());
        }
        ByteArrayOutputStream heapParts = new ByteArrayOutputStream();
        parts.snapshot(heapParts, name -> !isInDatabase(name));
        RocksDBInstance db = instance();
        db.flush();
        Path localCheckpoint = workingDirectory.resolve("chk-" + checkpointId);
        RocksDBIncrementalSnapshot.createLocalCheckpoint(db.db(), localCheckpoint);
        return new RocksDBIncrementalSnapshot(operatorIdentifier, keyGroupRange, heapParts.toByteArray(), localCheckpoint,
                uploadedFiles);
    }

    @Override
    public void restoreIncremental(List<IncrementalKeyedStateHandle> handles, TaskCheckpointStorage storage)
            throws IOException {
        RocksDBIncrementalRestore restore = new RocksDBIncrementalRestore(storage, workingDirectory, operatorIdentifier);
        if (instance == null && handles.size() == 1 && handles.get(0).keyGroups().equals(keyGroupRange)) {
            restore.download(handles.get(0), databaseDirectory());
            uploadedFiles.rememberRestored(handles.get(0));
            instance();
            LOG.info("{} restored its RocksDB from an incremental checkpoint ({} files)", operatorIdentifier,
                    handles.get(0).privateFiles().size() + handles.get(0).sharedFiles().size());
            return;
        }
        for (IncrementalKeyedStateHandle handle : handles) {
            restore.copyKeyGroups(handle, keyGroupRange, instance(), memory);
        }
        LOG.info("{} restored key groups {} from {} incremental RocksDB snapshots", operatorIdentifier, keyGroupRange,
                handles.size());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        valueStates.clear();
        namespacedStates.clear();
        try {
            if (instance != null) {
                instance.close();
                instance = null;
            }
        } finally {
            memory.release();
            deleteRecursively(workingDirectory);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", directory, e.toString());
        }
    }
}
