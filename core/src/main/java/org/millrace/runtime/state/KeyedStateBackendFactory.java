package org.millrace.runtime.state;

import java.io.IOException;

/**
 * Creates keyed state backends of one kind, named by {@code state.backend.type}; lets a module
 * other than core (the checkpoint module's RocksDB backend) provide one without core depending on
 * it. Register an implementation in
 * {@code META-INF/services/org.millrace.runtime.state.KeyedStateBackendFactory}; it needs a public
 * no-argument constructor.
 */
public interface KeyedStateBackendFactory {

    /** The value of {@code state.backend.type} that selects this backend, e.g. {@code rocksdb}. */
    String name();

    /** A new, empty backend for one operator instance. */
    <K> KeyedStateBackend<K> create(KeyedStateBackendParameters<K> parameters) throws IOException;
}
