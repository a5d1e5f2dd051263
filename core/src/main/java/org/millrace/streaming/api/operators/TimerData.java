package org.millrace.streaming.api.operators;

/**
 * A timer's identity (time, key, namespace) and key group, with the accessors and the text of an
 * {@link InternalTimer}: shared by the timer that {@link TimerQueue} stores and the reused view
 * of a polled one.
 */
abstract class TimerData<K, N> implements InternalTimer<K, N> {

    long timestamp;
    K key;
    N namespace;
    int keyGroup;

    final void set(long timestamp, K key, N namespace, int keyGroup) {
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

    @Override
    public String toString() {
        return "Timer{timestamp=" + timestamp + ", key=" + key + ", namespace=" + namespace + "}";
    }
}
