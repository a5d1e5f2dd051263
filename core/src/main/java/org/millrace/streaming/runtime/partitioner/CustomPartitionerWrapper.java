package org.millrace.streaming.runtime.partitioner;

import org.millrace.api.common.functions.Partitioner;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** partitionCustom: the user's {@link Partitioner} picks the channel from the record's key. */
public final class CustomPartitionerWrapper<T, K> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private final Partitioner<K> partitioner;
    private final KeySelector<T, K> keySelector;

    public CustomPartitionerWrapper(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        this.partitioner = partitioner;
        this.keySelector = keySelector;
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        int channel;
        try {
            channel = partitioner.partition(keySelector.getKey(record.getValue()), numberOfChannels);
        } catch (Exception e) {
            throw new RuntimeException("Custom partitioner failed on " + record.getValue(), e);
        }
        if (channel < 0 || channel >= numberOfChannels) {
            throw new IllegalStateException("Custom partitioner returned channel " + channel
                    + ", outside [0, " + numberOfChannels + ")");
        }
        return channel;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new CustomPartitionerWrapper<>(partitioner, keySelector);
    }

    @Override
    public String toString() {
        return "CUSTOM";
    }
}
