package org.millrace.shuffle;

import static org.millrace.configuration.ConfigOptions.key;

import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.MemorySize;

/**
 * Options for blocking (BATCH) exchanges: where their spill files go. Registered with the option
 * registry by {@link ShuffleConfigOptionProvider}.
 */
public final class BlockingShuffleOptions {

    private BlockingShuffleOptions() {}

    public static final ConfigOption<String> STORAGE = key("shuffle.blocking.storage")
            .stringType()
            .noDefaultValue()
            .withDescription("Where blocking (BATCH) exchanges write their spill files. A local directory"
                    + " (default: the TaskManager's java.io.tmpdir): each TaskManager writes below a directory of"
                    + " its own and deletes it when it stops. A Hadoop file system URI such as"
                    + " 'hdfs://namenode:8020/millrace/spill' or 'file:///mnt/shared/spill': files of finished"
                    + " partitions outlive the TaskManager that wrote them, so consumers elsewhere can read"
                    + " them, and are deleted when the job ends. The Hadoop configuration comes from"
                    + " HADOOP_CONF_DIR and 'flink.hadoop.*' keys.");

    public static final ConfigOption<MemorySize> STORAGE_BUFFER_SIZE = key("shuffle.blocking.storage.buffer-size")
            .memoryType()
            .defaultValue(MemorySize.parse("256kb"))
            .withDescription("Heap buffer per open spill file on a Hadoop file system, for writing and for"
                    + " reading ahead. A producer keeps one per subpartition open while it writes; a consumer"
                    + " one per channel it reads.");
}
