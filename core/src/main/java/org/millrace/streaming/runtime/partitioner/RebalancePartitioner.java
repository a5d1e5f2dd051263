package org.millrace.streaming.runtime.partitioner;

import java.util.concurrent.ThreadLocalRandom;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Round-robin over all consumers, starting at a random one so producers do not all hit channel 0 first. */
public final class RebalancePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private int next;

    @Override
    public void setup(int numberOfChannels, int subtaskIndex) {
        super.setup(numberOfChannels, subtaskIndex);
        next = ThreadLocalRandom.current().nextInt(numberOfChannels);
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        int channel = next;
        next = channel + 1 == numberOfChannels ? 0 : channel + 1;
        return channel;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new RebalancePartitioner<>();
    }

    @Override
    public String toString() {
        return "REBALANCE";
    }
}
