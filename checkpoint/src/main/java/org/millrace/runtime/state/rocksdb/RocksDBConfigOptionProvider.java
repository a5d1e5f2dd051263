package org.millrace.runtime.state.rocksdb;

import java.util.List;
import org.millrace.configuration.ConfigOptionProvider;

/** Makes the RocksDB backend's options known to the option registry (validation, generated docs). */
public final class RocksDBConfigOptionProvider implements ConfigOptionProvider {

    @Override
    public List<Class<?>> optionHolders() {
        return List.of(RocksDBOptions.class);
    }
}
