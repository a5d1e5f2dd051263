package org.millrace.streaming.api.operators;

import java.util.Arrays;

/**
 * Numbers distinct keys densely in order of first appearance (0, 1, 2, ...), so a BATCH operator
 * can keep per-key values in primitive arrays. Open addressing with linear probing and no
 * per-entry objects: each slot's spread hash and key number share one {@code long}, so a lookup
 * reads that array and touches a key object only when its hash matches (one key comparison per
 * lookup in practice, however long the probe run). Used by one task thread.
 */
final class DenseKeyIndex<K> {

    private static final int INITIAL_CAPACITY = 1024;

    /** Per slot: the key's spread hash (never 0) in the high half, its number in the low half; 0 = empty. */
    private long[] entries = new long[INITIAL_CAPACITY];
    private Object[] keys = new Object[INITIAL_CAPACITY];
    private int size;

    /** A well-mixed, never-zero hash (zero marks an empty slot). */
    private static int spread(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    /** The number of {@code key}; a key seen for the first time gets {@link #size()} (before the call). */
    int indexOf(K key) {
        int h = spread(key);
        int mask = entries.length - 1;
        int slot = h & mask;
        long entry;
        while ((entry = entries[slot]) != 0) {
            if ((int) (entry >>> 32) == h) {
                Object k = keys[slot];
                if (k == key || k.equals(key)) {
                    return (int) entry;
                }
            }
            slot = (slot + 1) & mask;
        }
        int number = size++;
        entries[slot] = ((long) h << 32) | (number & 0xFFFFFFFFL);
        keys[slot] = key;
        if (size * 4 > entries.length * 3) {
            grow();
        }
        return number;
    }

    int size() {
        return size;
    }

    /** Forgets every key; numbering starts at 0 again. */
    void clear() {
        Arrays.fill(entries, 0L);
        Arrays.fill(keys, null);
        size = 0;
    }

    private void grow() {
        long[] oldEntries = entries;
        Object[] oldKeys = keys;
        entries = new long[oldEntries.length * 2];
        keys = new Object[oldEntries.length * 2];
        int mask = entries.length - 1;
        for (int i = 0; i < oldEntries.length; i++) {
            long entry = oldEntries[i];
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (entries[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                entries[slot] = entry;
                keys[slot] = oldKeys[i];
            }
        }
        Arrays.fill(oldKeys, null);
    }
}
