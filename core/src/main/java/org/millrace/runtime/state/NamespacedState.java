package org.millrace.runtime.state;

/**
 * One state of a keyed operator whose entries are scoped to the backend's current key and to a
 * namespace the operator sets (a window, or {@link VoidNamespace}). Holds any object per entry;
 * what it means (an accumulator, a list of elements, a user's value) is up to the operator.
 * Stored per key group, like all keyed state, so it can be snapshotted key group by key group.
 *
 * <p>Used by the task thread only.
 */
public final class NamespacedState<K, N, S> {

    private final HeapKeyedStateBackend<K> backend;
    private final NamespacedStateTable<K, N, S>[] tables;
    private N namespace;

    @SuppressWarnings("unchecked")
    NamespacedState(HeapKeyedStateBackend<K> backend, int numKeyGroups) {
        this.backend = backend;
        this.tables = new NamespacedStateTable[numKeyGroups];
    }

    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

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

    /** The entry of the current key and namespace, or null. */
    public S get() {
        return table().get(backend.getCurrentKey(), namespace);
    }

    /** The entry of the current key in {@code otherNamespace}, or null. */
    public S get(N otherNamespace) {
        return table().get(backend.getCurrentKey(), otherNamespace);
    }

    /** Sets the entry of the current key and namespace; null removes it. */
    public void update(S value) {
        if (value == null) {
            clear();
        } else {
            table().put(backend.getCurrentKey(), namespace, value);
        }
    }

    public void clear() {
        table().remove(backend.getCurrentKey(), namespace);
    }

    /** Removes the entry of the current key in {@code otherNamespace}. */
    public void clear(N otherNamespace) {
        table().remove(backend.getCurrentKey(), otherNamespace);
    }

    /** Number of entries over all key groups (for tests and metrics). */
    public int size() {
        int n = 0;
        for (NamespacedStateTable<K, N, S> t : tables) {
            n += t == null ? 0 : t.size();
        }
        return n;
    }
}
