package org.millrace.streaming.runtime.partitioner;

import java.util.SplittableRandom;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** A uniformly random consumer per record. */
public final class ShufflePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private transient SplittableRandom random;

    @Override
    public void setup(int numberOfChannels, int subtaskIndex) {
        super.setup(numberOfChannels, subtaskIndex);
        random = new SplittableRandom();
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return random.nextInt(numberOfChannels);
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new ShufflePartitioner<>();
    }

    @Override
    public String toString() {
        return "SHUFFLE";
    }
}
