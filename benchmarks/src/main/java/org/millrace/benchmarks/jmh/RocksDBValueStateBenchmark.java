package org.millrace.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.StateBackendOptions;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.KeyedStateBackendLoader;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The workload of {@link HeapValueStateBenchmark} (set the current key, read, or read and write back a
 * count, keys in random order) on the RocksDB keyed state backend with its default memory (128 MiB
 * for one slot): the price of keeping state in RocksDB, where every access (de)serializes and goes
 * through JNI. The database lives in a temporary directory, deleted at the end.
 */
public class RocksDBValueStateBenchmark extends HeapValueStateBenchmark {

    private Path localDirectory;

    @Override
    protected KeyedStateBackend<Long> createBackend(KeyGroupRange keyGroups, int maxParallelism) throws IOException {
        localDirectory = Files.createTempDirectory("millrace-rocksdb-bench");
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.setString("state.backend.rocksdb.localdir", localDirectory.toString());
        return KeyedStateBackendLoader.fromConfiguration(conf, getClass().getClassLoader())
                .create("benchmark (1/1)", keyGroups, maxParallelism, Types.LONG.createSerializer());
    }

    @Override
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        super.tearDown();
        Files.deleteIfExists(localDirectory);
    }
}
