package org.millrace.runtime.state.rocksdb;

import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.TaskManagerOptions;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native memory all RocksDB instances of a process share, so it has one bound whatever the
 * number of stateful operators: an LRU block cache of {@code numberOfTaskSlots x
 * state.backend.rocksdb.memory.fixed-per-slot} bytes, and a write buffer manager that charges the
 * memtables to that cache (up to {@code write-buffer-ratio} of it). Created with the first backend
 * and freed with the last one.
 */
final class RocksDBMemory {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBMemory.class);
    private static RocksDBMemory shared;

    private final Cache cache;
    private final WriteBufferManager writeBufferManager;
    private final long totalBytes;
    private int users;

    private RocksDBMemory(long totalBytes, double writeBufferRatio) {
        this.totalBytes = totalBytes;
        // strict capacity would fail reads when full; the write buffer manager keeps memtables in bounds
        this.cache = new LRUCache(totalBytes, -1, false, 0.1);
        this.writeBufferManager = new WriteBufferManager((long) (totalBytes * writeBufferRatio), cache);
    }

    /**
     * The process's shared memory, created from {@code configuration} by the first caller; release it
     * with {@link #release}.
     *
     * @throws IllegalConfigurationException if a memory option is out of range, naming the key
     */
    static synchronized RocksDBMemory acquire(Configuration configuration) {
        if (shared == null) {
            RocksDB.loadLibrary();
            double ratio = configuration.get(RocksDBOptions.WRITE_BUFFER_RATIO);
            if (!(ratio > 0 && ratio < 1)) {
                throw new IllegalConfigurationException("Invalid value for '" + RocksDBOptions.WRITE_BUFFER_RATIO.key()
                        + "': " + ratio + "; expected a fraction between 0 and 1 (exclusive), e.g. 0.5");
            }
            long perSlot = configuration.get(RocksDBOptions.FIXED_MEMORY_PER_SLOT).getBytes();
            if (perSlot < (1 << 20)) {
                throw new IllegalConfigurationException("Invalid value for '" + RocksDBOptions.FIXED_MEMORY_PER_SLOT.key()
                        + "': " + perSlot + " bytes; expected a memory size of at least 1 mb, e.g. 128 mb");
            }
            int slots = Math.max(1, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
            shared = new RocksDBMemory(perSlot * slots, ratio);
            LOG.info("RocksDB state backends of this process share {} MiB of native memory ({} slots x {} MiB;"
                    + " write buffers up to {} %)", shared.totalBytes >> 20, slots, perSlot >> 20, Math.round(ratio * 100));
        }
        shared.users++;
        return shared;
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBufferManager() {
        return writeBufferManager;
    }

    /** One backend less; the last one frees the native memory. */
    void release() {
        synchronized (RocksDBMemory.class) {
            if (--users == 0 && shared == this) {
                writeBufferManager.close();
                cache.close();
                shared = null;
            }
        }
    }
}
