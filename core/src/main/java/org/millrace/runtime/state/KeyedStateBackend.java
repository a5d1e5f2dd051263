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
 * The keyed state of one operator instance, whatever holds it: operators, timers and windows talk
 * to this interface so that {@code state.backend.type} can choose where the state lives (the heap,
 * {@link HeapKeyedStateBackend}, or an embedded RocksDB from the checkpoint module) without them
 * knowing. The operator sets the current key before each record; states read and write the entry of
 * that key. A job loads one implementation, so calls stay monomorphic on the record path.
 *
 * <p>Every backend writes and reads the canonical key-grouped format ({@link #snapshot(OutputStream)},
 * {@link #restore}), so savepoints move between backends; a backend may offer a cheaper form for
 * checkpoints ({@link #snapshotForCheckpoint}). Used by the task thread only, except for what a
 * {@link KeyedStateSnapshot} does in the writer thread.
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

    TypeSerializer<K> getKeySerializer();

    KeyGroupRange getKeyGroupRange();

    /** The number of key groups of the operator. */
    int getMaxParallelism();

    /**
     * Adds a heap-resident part (the timers) to what snapshots write, under a name unique in this
     * backend; restored bytes waiting for that name are read into it now.
     */
    void register(String name, KeyGroupedState state) throws IOException;

    /** Scopes all states to {@code key}; fails if the key does not belong to this instance (a routing bug). */
    void setCurrentKey(K key);

    /** Scopes all states to {@code key}, whose key group the caller already knows. */
    void setCurrentKey(K key, int keyGroup);

    K getCurrentKey();

    /** The key group of the current key. */
    int getCurrentKeyGroup();

    /** The state named by the descriptor, created on first use; one instance per name. */
    <V> ValueState<V> getValueState(ValueStateDescriptor<V> descriptor);

    /**
     * Calls {@code function} for every key that has a value in the state of {@code descriptor}, with
     * that key current; the keys are collected first, so the function may change or clear the state.
     */
    <V> void applyToAllKeys(ValueStateDescriptor<V> descriptor, KeyedStateFunction<K, ValueState<V>> function)
            throws Exception;

    /** The namespaced state called {@code name}, created on first use; one instance per name. */
    <N, S> NamespacedState<K, N, S> getNamespacedState(String name);

    /** Writes every state of every key group this instance owns in the canonical format. */
    void snapshot(OutputStream out) throws IOException;

    /**
     * Reads the key groups of this instance from one canonical snapshot file (of any instance of the
     * operator, at any parallelism); call once per file before the operator opens.
     */
    void restore(InputStream in, String source) throws IOException;

    /**
     * The synchronous part of a snapshot for checkpoint {@code checkpointId}: afterwards the task may
     * change its state while the returned snapshot is written by another thread. A savepoint
     * ({@code savepoint} true) is always in the canonical format, so it can be restored by any backend.
     */
    KeyedStateSnapshot snapshotForCheckpoint(long checkpointId, boolean savepoint) throws Exception;

    /**
     * Restores backend-specific (incremental) snapshots whose key groups overlap this instance's;
     * called before the operator opens, after the canonical files of the same checkpoint.
     *
     * @throws IOException if a file is missing or corrupt, or this backend cannot read such snapshots
     */
    void restoreIncremental(List<IncrementalKeyedStateHandle> handles, TaskCheckpointStorage storage) throws IOException;

    /** Checkpoint {@code checkpointId} is complete in the whole job. */
    default void notifyCheckpointComplete(long checkpointId) {}

    /** Frees what the backend holds (native memory, local files); the task thread, once, at the end. */
    @Override
    void close();
}
