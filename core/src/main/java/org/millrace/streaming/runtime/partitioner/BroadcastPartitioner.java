package org.millrace.streaming.runtime.partitioner;

import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Every record to every consumer; the record writer serializes once and copies to all channels. */
public final class BroadcastPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        throw new UnsupportedOperationException("Broadcast sends to all channels");
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new BroadcastPartitioner<>();
    }

    @Override
    public String toString() {
        return "BROADCAST";
    }
}
