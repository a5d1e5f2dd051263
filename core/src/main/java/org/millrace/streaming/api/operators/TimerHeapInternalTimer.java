package org.millrace.streaming.api.operators;

/**
 * A timer as {@link TimerQueue} stores it: its identity (time, key, namespace), the key group it
 * belongs to, and where it sits in its timestamp bucket and in its key group's set, so it can be
 * removed without a search.
 */
public final class TimerHeapInternalTimer<K, N> implements InternalTimer<K, N> {

    final long timestamp;
    final K key;
    final N namespace;
    final int keyGroup;
    /** Position in the bucket of its timestamp, -1 once removed. */
    int bucketIndex = -1;
    /** Slot in the key group's {@code TimerSet}. */
    int setSlot = -1;

    TimerHeapInternalTimer(long timestamp, K key, N namespace, int keyGroup) {
        this.timestamp = timestamp;
        this.key = key;
        this.namespace = namespace;
        this.keyGroup = keyGroup;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public N getNamespace() {
        return namespace;
    }

    int getKeyGroup() {
        return keyGroup;
    }

    boolean matches(long time, Object k, Object ns) {
        return timestamp == time && (key == k || key.equals(k)) && (namespace == ns || namespace.equals(ns));
    }

    static int hash(long time, Object key, Object namespace) {
        int h = (Long.hashCode(time) * 31 + key.hashCode()) * 31 + namespace.hashCode();
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return "Timer{timestamp=" + timestamp + ", key=" + key + ", namespace=" + namespace + "}";
    }
}
