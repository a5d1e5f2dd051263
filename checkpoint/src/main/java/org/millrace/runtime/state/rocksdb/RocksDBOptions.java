package org.millrace.runtime.state.rocksdb;

import static org.millrace.configuration.ConfigOptions.key;

import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.MemorySize;

/** Settings of the RocksDB keyed state backend ({@code state.backend.type: rocksdb}), under Flink's keys. */
public final class RocksDBOptions {

    private RocksDBOptions() {}

    public static final ConfigOption<String> LOCAL_DIRECTORY = key("state.backend.rocksdb.localdir")
            .stringType()
            .noDefaultValue()
            .withDescription("Local directory where each operator instance keeps its RocksDB working files (deleted"
                    + " when the instance ends). Defaults to java.io.tmpdir. Use a fast local disk.");

    public static final ConfigOption<MemorySize> FIXED_MEMORY_PER_SLOT = key("state.backend.rocksdb.memory.fixed-per-slot")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(128))
            .withDescription("Native memory RocksDB may use per task slot: the block cache and the write buffers of"
                    + " all RocksDB instances of a TaskManager share numberOfTaskSlots times this much. Count it in the"
                    + " container's memory (off-heap) on YARN.");

    public static final ConfigOption<Double> WRITE_BUFFER_RATIO = key("state.backend.rocksdb.memory.write-buffer-ratio")
            .doubleType()
            .defaultValue(0.5)
            .withDescription("Fraction (between 0 and 1, exclusive) of the RocksDB memory that write buffers"
                    + " (memtables) may take; the rest caches blocks, index and filters.");
}
