package org.millrace.api.common.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map that every parallel instance of a broadcast process function holds in full: changed only
 * while processing broadcast elements, which every instance receives in the same order, so all
 * instances hold the same contents.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {

    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    Iterable<Map.Entry<K, V>> entries() throws Exception;

    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    void clear();
}
