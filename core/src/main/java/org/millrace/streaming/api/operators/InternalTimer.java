package org.millrace.streaming.api.operators;

/** A timer as the operator that set it sees it when it fires: its time, key and namespace. */
public interface InternalTimer<K, N> {

    long getTimestamp();

    K getKey();

    N getNamespace();
}
