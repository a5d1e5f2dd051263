package org.millrace.api.common.state;

import java.util.Map;

/**
 * The broadcast state as the non-broadcast side sees it: it may read but not change what the
 * broadcast side stored, so every parallel instance keeps the same contents.
 */
public interface ReadOnlyBroadcastState<K, V> {

    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    /** The entries, unmodifiable. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
