package org.millrace.streaming.runtime.partitioner;

import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Subtask i sends to subtask i; requires equal parallelism and lets the two operators chain. */
public final class ForwardPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return subtaskIndex;
    }

    @Override
    public boolean isPointwise() {
        return true;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new ForwardPartitioner<>();
    }

    @Override
    public String toString() {
        return "FORWARD";
    }
}
