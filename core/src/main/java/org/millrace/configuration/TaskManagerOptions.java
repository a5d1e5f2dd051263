package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;

/** Options for TaskManagers (TaskExecutors): slots and memory, and the embedded MiniCluster. */
public final class TaskManagerOptions {

    private TaskManagerOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = key("taskmanager.numberOfTaskSlots")
            .intType()
            .defaultValue(1)
            .withDescription("Number of slots a TaskManager offers; each slot runs one parallel pipeline of"
                    + " a job. Often set to the number of CPU cores of the TaskManager's machine or container.");

    public static final ConfigOption<MemorySize> MEMORY_SEGMENT_SIZE = key("taskmanager.memory.segment-size")
            .memoryType()
            .defaultValue(MemorySize.parse("32kb"))
            .withDescription("Size of one network buffer (memory segment). Records larger than this span"
                    + " several buffers.");

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MAX = key("taskmanager.memory.network.max")
            .memoryType()
            .defaultValue(MemorySize.parse("64mb"))
            .withDescription("Off-heap memory of a TaskManager reserved for network buffers, shared by all"
                    + " its slots. The default suits local runs; raise it for clusters with high parallelism"
                    + " (a too small pool fails with 'Insufficient number of network buffers').");

    public static final ConfigOption<Integer> MINI_CLUSTER_NUM_TASK_MANAGERS = key("minicluster.number-of-taskmanagers")
            .intType()
            .defaultValue(1)
            .withDeprecatedKeys("local.number-taskmanager")
            .withDescription("Number of TaskManagers the embedded MiniCluster starts for a local run.");
}
