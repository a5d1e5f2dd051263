package org.millrace.runtime.state;

import java.util.Arrays;

/**
 * The values of one state for one key group, per (key, namespace): an open-addressing hash table
 * (linear probing, at most half full) whose entries are laid out side by side, {@code key,
 * namespace, value} in one {@code Object[]}, with the spread hashes in an {@code int[]}. A lookup
 * allocates nothing, a probe past other entries reads only the hashes, and a hit touches one
 * cache line of the entry array. The slot of the last lookup is remembered, so a read followed by
 * a write of the same entry probes once. Windows keep their contents here, with the window as
 * the namespace. Used by one thread.
 */
final class NamespacedStateTable<K, N, V> {

    private static final int MIN_CAPACITY = 16;

    private int[] hashes = new int[MIN_CAPACITY];
    /** {@code [3 * slot]} key, {@code [3 * slot + 1]} namespace, {@code [3 * slot + 2]} value. */
    private Object[] entries = new Object[3 * MIN_CAPACITY];
    private int size;

    private Object lastKey;
    private Object lastNamespace;
    private int lastSlot = -1;
    private int lastHash;

    /** A well-mixed, never-zero hash of the pair (zero marks an empty slot). */
    private static int spread(Object key, Object namespace) {
        int h = (key.hashCode() * 31 + namespace.hashCode()) * 0x9E3779B9;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    private int probe(Object key, Object namespace) {
        if (key == lastKey && namespace == lastNamespace && lastSlot >= 0) {
            return lastSlot;
        }
        int h = spread(key, namespace);
        int mask = hashes.length - 1;
        int slot = h & mask;
        int stored;
        Object[] e = entries;
        while ((stored = hashes[slot]) != 0) {
            if (stored == h) {
                Object k = e[3 * slot];
                Object n = e[3 * slot + 1];
                if ((n == namespace || n.equals(namespace)) && (k == key || k.equals(key))) {
                    break;
                }
            }
            slot = (slot + 1) & mask;
        }
        lastKey = key;
        lastNamespace = namespace;
        lastSlot = slot;
        lastHash = h;
        return slot;
    }

    @SuppressWarnings("unchecked")
    V get(K key, N namespace) {
        int slot = probe(key, namespace);
        return hashes[slot] == 0 ? null : (V) entries[3 * slot + 2];
    }

    void put(K key, N namespace, V value) {
        int slot = probe(key, namespace);
        if (hashes[slot] == 0) {
            hashes[slot] = lastHash;
            entries[3 * slot] = key;
            entries[3 * slot + 1] = namespace;
            entries[3 * slot + 2] = value;
            size++;
            if (size * 2 > hashes.length) {
                resize();
            }
        } else {
            entries[3 * slot + 2] = value;
        }
    }

    void remove(K key, N namespace) {
        int slot = probe(key, namespace);
        lastSlot = -1;
        lastKey = null;
        lastNamespace = null;
        if (hashes[slot] == 0) {
            return;
        }
        size--;
        // backward-shift deletion keeps probe sequences intact without tombstones
        int mask = hashes.length - 1;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (hashes[next] != 0) {
            int home = hashes[next] & mask;
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                System.arraycopy(entries, 3 * next, entries, 3 * hole, 3);
                hashes[hole] = hashes[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        entries[3 * hole] = null;
        entries[3 * hole + 1] = null;
        entries[3 * hole + 2] = null;
        hashes[hole] = 0;
    }

    int size() {
        return size;
    }

    /** What {@link #forEach} hands each entry to. */
    interface EntryVisitor<K, N, V> {
        void visit(K key, N namespace, V value) throws java.io.IOException;
    }

    /** Visits every entry (a snapshot); the table must not change meanwhile. */
    @SuppressWarnings("unchecked")
    void forEach(EntryVisitor<K, N, V> visitor) throws java.io.IOException {
        for (int slot = 0; slot < hashes.length; slot++) {
            if (hashes[slot] != 0) {
                visitor.visit((K) entries[3 * slot], (N) entries[3 * slot + 1], (V) entries[3 * slot + 2]);
            }
        }
    }

    private void resize() {
        Object[] oldEntries = entries;
        int[] oldHashes = hashes;
        int capacity = oldHashes.length * 2;
        entries = new Object[3 * capacity];
        hashes = new int[capacity];
        lastSlot = -1;
        lastKey = null;
        lastNamespace = null;
        int mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (hashes[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(oldEntries, 3 * i, entries, 3 * slot, 3);
                hashes[slot] = oldHashes[i];
            }
        }
        Arrays.fill(oldEntries, null);
    }
}
