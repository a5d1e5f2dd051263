package org.millrace.yarn;

import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.MemorySize;
import org.millrace.configuration.StateBackendOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.runtime.state.rocksdb.RocksDBOptions;

/**
 * How a TaskManager container's memory ({@code taskmanager.memory.process.size}) is shared: with
 * {@code state.backend.type: rocksdb} the native memory RocksDB may use (numberOfTaskSlots ×
 * {@code state.backend.rocksdb.memory.fixed-per-slot}, the bound its shared block cache and write
 * buffer manager enforce) is taken off first, and the heap gets its share of the rest — so heap,
 * RocksDB and the JVM's own memory stay inside what YARN granted and the container is not killed
 * for using more.
 */
public final class TaskManagerMemory {

    /** Least memory left for heap and JVM once RocksDB's budget is off. */
    private static final MemorySize MIN_LEFT = MemorySize.ofMebiBytes(256);

    private TaskManagerMemory() {}

    /** The native memory RocksDB may use in one TaskManager; zero with the heap backend. */
    public static MemorySize rocksDbBudget(Configuration configuration) {
        String backend = configuration.get(StateBackendOptions.STATE_BACKEND).trim();
        if (!"rocksdb".equalsIgnoreCase(backend)) {
            return MemorySize.ZERO;
        }
        long perSlot = configuration.get(RocksDBOptions.FIXED_MEMORY_PER_SLOT).getBytes();
        return new MemorySize(perSlot * configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
    }

    /**
     * The part of {@code processSize} the heap's share is taken of.
     *
     * @throws IllegalConfigurationException naming the keys if RocksDB's budget leaves too little
     */
    public static MemorySize forHeapAndJvm(Configuration configuration, MemorySize processSize) {
        MemorySize budget = rocksDbBudget(configuration);
        long left = processSize.getBytes() - budget.getBytes();
        if (left < MIN_LEFT.getBytes()) {
            throw new IllegalConfigurationException("taskmanager.memory.process.size (" + processSize + ") leaves less than "
                    + MIN_LEFT + " for the heap and the JVM once RocksDB's native memory is taken off ("
                    + TaskManagerOptions.NUM_TASK_SLOTS.key() + " × " + RocksDBOptions.FIXED_MEMORY_PER_SLOT.key() + " = "
                    + budget + "); raise the process size or lower the per-slot memory");
        }
        return new MemorySize(left);
    }
}
