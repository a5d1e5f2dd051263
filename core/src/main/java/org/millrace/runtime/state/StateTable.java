package org.millrace.runtime.state;

import java.util.Arrays;
import java.util.function.BiConsumer;
import org.millrace.api.common.typeutils.TypeSerializer;

/**
 * The values of one keyed state for one key group: an open-addressing hash table (linear probing,
 * each slot's key and value side by side in one array, so the value is in the cache line the key
 * comparison already loaded) that remembers the slot of the last lookup, so the common
 * read-modify-write of a record ({@code value()} then {@code update()}) probes once.
 *
 * <p>Compared with {@code HashMap} it saves the per-entry node object and one pointer hop per
 * lookup, which is what keyed operators spend their time on. The spread hash of every key is kept
 * in an {@code int[]} (0 = empty slot), so probing past other keys reads only that array and a key
 * object is touched only when its hash matches. Used by one task thread.
 *
 * <p>Snapshots are copy-on-write ({@link #snapshot()}): taking one copies the slot arrays only (no
 * entry is visited or serialized), and another thread may then read the snapshot while the task goes
 * on changing the table. A value object the snapshot shares is never changed under it: the first
 * read of such a value after a snapshot replaces it, in the table, with a copy ({@code copier}), so
 * a function that changes the object it read changes the copy. Values of immutable types are
 * shared without copies.
 */
final class StateTable<K, V> {

    private static final int MIN_CAPACITY = 16;

    private int[] hashes = new int[MIN_CAPACITY];
    /** Slot {@code i}'s key at {@code 2i}, its value at {@code 2i + 1}; null key = empty slot. */
    private Object[] entries = new Object[2 * MIN_CAPACITY];
    /**
     * Per slot: the snapshot epoch its value object was stored in; older ones may be in a snapshot.
     * Null until the first snapshot, so a table never snapshotted pays nothing for it.
     */
    private int[] epochs;
    private int size;
    /** Incremented by each snapshot. */
    private int epoch;
    /** Deep-copies values a snapshot may share; null when values are immutable. */
    private final TypeSerializer<V> copier;

    /** A table whose values are never changed in place (or not snapshotted asynchronously). */
    StateTable() {
        this(null);
    }

    /** A table that copies a value shared with a snapshot on its first read after it ({@code null}: never). */
    StateTable(TypeSerializer<V> copier) {
        this.copier = copier == null || copier.isImmutableType() ? null : copier;
    }

    /** The entries of a table as they were when {@link #snapshot()} was called; readable from any thread. */
    static final class Snapshot<K, V> {
        private final Object[] entries;
        private final int size;

        private Snapshot(Object[] entries, int size) {
            this.entries = entries;
            this.size = size;
        }

        int size() {
            return size;
        }

        void forEach(BiConsumer<K, V> action) {
            forEachEntry(entries, action);
        }
    }

    private Object lastKey;
    private int lastSlot = -1;

    /** A well-mixed, never-zero hash (zero marks an empty slot). */
    private static int spread(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    private int lastHash;

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int probe(Object key) {
        int h = spread(key);
        // same key object as the last lookup (value() then update() of one record); the hash check
        // guards against a key object that was mutated in between
        if (key == lastKey && lastSlot >= 0 && h == lastHash) {
            return lastSlot;
        }
        int mask = hashes.length - 1;
        int slot = h & mask;
        int stored;
        while ((stored = hashes[slot]) != 0) {
            if (stored == h) {
                Object k = entries[2 * slot];
                if (k == key || k.equals(key)) {
                    break;
                }
            }
            slot = (slot + 1) & mask;
        }
        lastKey = key;
        lastSlot = slot;
        lastHash = h;
        return slot;
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        int slot = probe(key);
        if (hashes[slot] == 0) {
            return null;
        }
        V value = (V) entries[2 * slot + 1];
        if (copier != null && epochs != null && epochs[slot] != epoch) {
            // a snapshot may hold this object: the caller gets (and may change) a copy of its own
            value = copier.copy(value);
            entries[2 * slot + 1] = value;
            epochs[slot] = epoch;
        }
        return value;
    }

    void put(K key, V value) {
        int slot = probe(key);
        if (epochs != null) {
            epochs[slot] = epoch;
        }
        if (hashes[slot] == 0) {
            entries[2 * slot] = key;
            entries[2 * slot + 1] = value;
            hashes[slot] = lastHash;
            size++;
            if (size * 4 > hashes.length * 3) {
                resize();
            }
        } else if (entries[2 * slot + 1] != value) {
            // storing the object already there (a value changed in place) would still cost the
            // garbage collector's write barrier, as each store of a reference into the array does
            entries[2 * slot + 1] = value;
        }
    }

    /**
     * The current entries, for another thread to read while this table changes: costs copying the
     * slot arrays, not visiting the entries. Values the snapshot shares are copied on their next read.
     */
    Snapshot<K, V> snapshot() {
        if (epochs == null) {
            epochs = new int[hashes.length]; // every value now predates the snapshot (epoch 0)
        }
        epoch++;
        return new Snapshot<>(entries.clone(), size);
    }

    void remove(K key) {
        int slot = probe(key);
        if (hashes[slot] == 0) {
            return;
        }
        lastSlot = -1;
        lastKey = null;
        size--;
        // backward-shift deletion keeps probe sequences intact without tombstones
        int mask = hashes.length - 1;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (hashes[next] != 0) {
            int home = hashes[next] & mask;
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                entries[2 * hole] = entries[2 * next];
                entries[2 * hole + 1] = entries[2 * next + 1];
                hashes[hole] = hashes[next];
                if (epochs != null) {
                    epochs[hole] = epochs[next];
                }
                hole = next;
            }
            next = (next + 1) & mask;
        }
        entries[2 * hole] = null;
        entries[2 * hole + 1] = null;
        hashes[hole] = 0;
    }

    int size() {
        return size;
    }

    void forEach(BiConsumer<K, V> action) {
        forEachEntry(entries, action);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> void forEachEntry(Object[] entries, BiConsumer<K, V> action) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] != null) {
                action.accept((K) entries[i], (V) entries[i + 1]);
            }
        }
    }

    private void resize() {
        Object[] oldEntries = entries;
        int[] oldHashes = hashes;
        int[] oldEpochs = epochs;
        int capacity = oldHashes.length * 2;
        entries = new Object[2 * capacity];
        hashes = new int[capacity];
        epochs = oldEpochs == null ? null : new int[capacity];
        lastSlot = -1;
        lastKey = null;
        int mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (hashes[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                entries[2 * slot] = oldEntries[2 * i];
                entries[2 * slot + 1] = oldEntries[2 * i + 1];
                hashes[slot] = oldHashes[i];
                if (oldEpochs != null) {
                    epochs[slot] = oldEpochs[i];
                }
            }
        }
        Arrays.fill(oldEntries, null); // a snapshot holds its own copies of the arrays, never these
    }
}
