package org.millrace.api.common.functions;

/** Chooses the target subtask for a key: {@code DataStream.partitionCustom}. */
@FunctionalInterface
public interface Partitioner<K> extends Function {
    /** Returns a partition in {@code [0, numPartitions)}. */
    int partition(K key, int numPartitions);
}
