package org.millrace.runtime.state;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The values of one keyed state for one key group: an open-addressing hash table (linear probing,
 * keys and values in two parallel arrays) that remembers the slot of the last lookup, so the
 * common read-modify-write of a record ({@code value()} then {@code update()}) probes once.
 *
 * <p>Compared with {@code HashMap} it saves the per-entry node object and one pointer hop per
 * lookup, which is what keyed operators spend their time on. Used by one task thread.
 */
final class StateTable<K, V> {

    private static final int MIN_CAPACITY = 16;

    private Object[] keys = new Object[MIN_CAPACITY];
    private Object[] values = new Object[MIN_CAPACITY];
    private int size;

    private Object lastKey;
    private int lastSlot = -1;

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int probe(Object key) {
        if (key == lastKey && lastSlot >= 0) {
            return lastSlot;
        }
        int mask = keys.length - 1;
        int slot = spread(key.hashCode()) & mask;
        Object k;
        while ((k = keys[slot]) != null && !(k == key || k.equals(key))) {
            slot = (slot + 1) & mask;
        }
        lastKey = key;
        lastSlot = slot;
        return slot;
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        int slot = probe(key);
        return keys[slot] == null ? null : (V) values[slot];
    }

    void put(K key, V value) {
        int slot = probe(key);
        if (keys[slot] == null) {
            keys[slot] = key;
            size++;
            values[slot] = value;
            if (size * 4 > keys.length * 3) {
                resize();
            }
        } else {
            values[slot] = value;
        }
    }

    void remove(K key) {
        int slot = probe(key);
        if (keys[slot] == null) {
            return;
        }
        lastSlot = -1;
        lastKey = null;
        size--;
        // backward-shift deletion keeps probe sequences intact without tombstones
        int mask = keys.length - 1;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (keys[next] != null) {
            int home = spread(keys[next].hashCode()) & mask;
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        keys[hole] = null;
        values[hole] = null;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<K, V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept((K) keys[i], (V) values[i]);
            }
        }
    }

    private void resize() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new Object[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        lastSlot = -1;
        lastKey = null;
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            Object k = oldKeys[i];
            if (k != null) {
                int slot = spread(k.hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = oldValues[i];
            }
        }
        Arrays.fill(oldKeys, null);
    }
}
