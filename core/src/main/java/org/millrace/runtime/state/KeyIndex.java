package org.millrace.runtime.state;

import java.util.Arrays;

/**
 * Numbers distinct keys densely in order of first appearance (0, 1, 2, ...), so an operator can
 * keep per-key values in primitive arrays. Open addressing with linear probing; keys and their
 * numbers in parallel arrays, no per-entry objects. Used by one task thread.
 */
public final class KeyIndex<K> {

    private Object[] keys = new Object[1024];
    private int[] numbers = new int[1024];
    private int size;

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The number of {@code key}; a key seen for the first time gets {@link #size()} (before the call). */
    public int indexOf(K key) {
        int mask = keys.length - 1;
        int slot = spread(key.hashCode()) & mask;
        Object k;
        while ((k = keys[slot]) != null) {
            if (k == key || k.equals(key)) {
                return numbers[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        numbers[slot] = size;
        int number = size++;
        if (size * 4 > keys.length * 3) {
            resize();
        }
        return number;
    }

    public int size() {
        return size;
    }

    private void resize() {
        Object[] oldKeys = keys;
        int[] oldNumbers = numbers;
        keys = new Object[oldKeys.length * 2];
        numbers = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = spread(oldKeys[i].hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                numbers[slot] = oldNumbers[i];
            }
        }
        Arrays.fill(oldKeys, null);
    }
}
