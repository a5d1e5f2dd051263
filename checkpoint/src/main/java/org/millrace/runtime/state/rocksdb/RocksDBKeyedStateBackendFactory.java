package org.millrace.runtime.state.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.StateBackendOptions;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.KeyedStateBackendFactory;
import org.millrace.runtime.state.KeyedStateBackendParameters;

/**
 * {@code state.backend.type: rocksdb}: creates a {@link RocksDBKeyedStateBackend} per keyed operator
 * instance, in its own working directory below {@code state.backend.rocksdb.localdir} (or
 * {@code java.io.tmpdir}), sharing the process's RocksDB memory.
 */
public final class RocksDBKeyedStateBackendFactory implements KeyedStateBackendFactory {

    @Override
    public String name() {
        return "rocksdb";
    }

    @Override
    public <K> KeyedStateBackend<K> create(KeyedStateBackendParameters<K> parameters) throws IOException {
        Configuration conf = parameters.configuration();
        String localDirectory = conf.getOptional(RocksDBOptions.LOCAL_DIRECTORY)
                .orElse(System.getProperty("java.io.tmpdir"));
        String safeName = parameters.operatorIdentifier().replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safeName.length() > 60) {
            safeName = safeName.substring(0, 60);
        }
        Path workingDirectory = Files.createDirectories(Path.of(localDirectory.trim())
                .resolve("millrace-rocksdb-" + safeName + "-" + UUID.randomUUID()));
        RocksDBMemory memory;
        try {
            memory = RocksDBMemory.acquire(conf);
        } catch (RuntimeException e) {
            RocksDBKeyedStateBackend.deleteRecursively(workingDirectory);
            throw e;
        }
        return new RocksDBKeyedStateBackend<>(parameters.operatorIdentifier(), parameters.keyGroupRange(),
                parameters.maxParallelism(), parameters.keySerializer(),
                conf.get(StateBackendOptions.INCREMENTAL_CHECKPOINTS), workingDirectory, memory);
    }
}
