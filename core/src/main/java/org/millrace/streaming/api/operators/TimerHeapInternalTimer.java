package org.millrace.streaming.api.operators;

/**
 * A timer as {@link TimerQueue} stores it: its identity (time, key, namespace), the key group it
 * belongs to, and where it sits in its timestamp bucket and in its key group's set, so it can be
 * removed without a search. Its identity is set once, here.
 */
public final class TimerHeapInternalTimer<K, N> extends TimerData<K, N> {

    /** Position in the bucket of its timestamp, -1 once removed. */
    int bucketIndex = -1;
    /** Slot in the key group's {@code TimerSet}. */
    int setSlot = -1;

    TimerHeapInternalTimer(long timestamp, K key, N namespace, int keyGroup) {
        set(timestamp, key, namespace, keyGroup);
    }

    boolean matches(long time, Object k, Object ns) {
        return timestamp == time && (key == k || key.equals(k)) && (namespace == ns || namespace.equals(ns));
    }

    static int hash(long time, Object key, Object namespace) {
        int h = (Long.hashCode(time) * 31 + key.hashCode()) * 31 + namespace.hashCode();
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
