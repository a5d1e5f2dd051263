package org.millrace.streaming.runtime.partitioner;

import java.io.Serializable;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * Chooses which consumer subtask (channel) each record of an exchange goes to. One instance per
 * producing subtask ({@link #copy()} then {@link #setup}), used by that subtask's thread only.
 */
public abstract class StreamPartitioner<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    protected int numberOfChannels;
    protected int subtaskIndex;

    /** Called once before use with the number of consumer subtasks and this producer's index. */
    public void setup(int numberOfChannels, int subtaskIndex) {
        this.numberOfChannels = numberOfChannels;
        this.subtaskIndex = subtaskIndex;
    }

    /** The channel in {@code [0, numberOfChannels)} for this record. */
    public abstract int selectChannel(StreamRecord<T> record);

    /** True if every record goes to every channel. */
    public boolean isBroadcast() {
        return false;
    }

    /** True if records stay with the subtask of the same index (allows chaining). */
    public boolean isPointwise() {
        return false;
    }

    /** A fresh instance for one producing subtask. */
    public abstract StreamPartitioner<T> copy();

    /** Short name for plans and logs, as Flink prints it (FORWARD, HASH, REBALANCE, ...). */
    @Override
    public abstract String toString();
}
