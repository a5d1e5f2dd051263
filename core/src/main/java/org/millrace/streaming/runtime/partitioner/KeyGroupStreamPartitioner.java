package org.millrace.streaming.runtime.partitioner;

import org.millrace.api.java.functions.KeySelector;
import org.millrace.runtime.state.KeyGroupRangeAssignment;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** keyBy: the key's key group decides the consumer, so every record of a key meets the same state. */
public final class KeyGroupStreamPartitioner<T, K> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private final KeySelector<T, K> keySelector;
    private final int maxParallelism;

    /** @param maxParallelism the consumer's number of key groups (set again when the job graph is built) */
    public KeyGroupStreamPartitioner(KeySelector<T, K> keySelector, int maxParallelism) {
        this.keySelector = keySelector;
        this.maxParallelism = maxParallelism;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        K key;
        try {
            key = keySelector.getKey(record.getValue());
        } catch (Exception e) {
            throw new RuntimeException("Could not extract key from " + record.getValue(), e);
        }
        if (key == null) {
            throw new NullPointerException("keyBy: the key selector returned null for " + record.getValue());
        }
        if (numberOfChannels == 1) {
            return 0; // one consumer owns every key group: no need to hash the key
        }
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, numberOfChannels);
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new KeyGroupStreamPartitioner<>(keySelector, maxParallelism);
    }

    @Override
    public String toString() {
        return "HASH";
    }
}
