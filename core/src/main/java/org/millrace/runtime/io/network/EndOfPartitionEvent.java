package org.millrace.runtime.io.network;

/** The last thing a subpartition sends: its producer has finished and no more data follows. */
public final class EndOfPartitionEvent extends AbstractEvent {

    public static final EndOfPartitionEvent INSTANCE = new EndOfPartitionEvent();

    private EndOfPartitionEvent() {}

    @Override
    public String toString() {
        return "EndOfPartition";
    }
}
