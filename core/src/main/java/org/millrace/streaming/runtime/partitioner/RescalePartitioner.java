package org.millrace.streaming.runtime.partitioner;

import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * Round-robin over a local subset of consumers: with p producers and q consumers, producer i feeds
 * only the consumers {@code [i*q/p, (i+1)*q/p)} (at least one), as Flink's rescale does.
 */
public final class RescalePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private final int producerParallelism;
    private int first;
    private int count;
    private int next;

    public RescalePartitioner(int producerParallelism) {
        this.producerParallelism = producerParallelism;
    }

    @Override
    public void setup(int numberOfChannels, int subtaskIndex) {
        super.setup(numberOfChannels, subtaskIndex);
        if (numberOfChannels >= producerParallelism) {
            first = subtaskIndex * numberOfChannels / producerParallelism;
            int end = (subtaskIndex + 1) * numberOfChannels / producerParallelism;
            count = Math.max(1, end - first);
        } else {
            first = subtaskIndex * numberOfChannels / producerParallelism;
            count = 1;
        }
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        int channel = first + next;
        next = next + 1 == count ? 0 : next + 1;
        return channel;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new RescalePartitioner<>(producerParallelism);
    }

    @Override
    public String toString() {
        return "RESCALE";
    }
}
