package org.millrace.api.common.state;

import java.util.Map;

/** A map per key of keyed state: entries read and written one by one. */
public interface MapState<UK, UV> {

    /** The value of {@code key}, or null. */
    UV get(UK key) throws Exception;

    void put(UK key, UV value) throws Exception;

    void putAll(Map<UK, UV> map) throws Exception;

    void remove(UK key) throws Exception;

    boolean contains(UK key) throws Exception;

    Iterable<Map.Entry<UK, UV>> entries() throws Exception;

    Iterable<UK> keys() throws Exception;

    Iterable<UV> values() throws Exception;

    boolean isEmpty() throws Exception;

    void clear();
}
