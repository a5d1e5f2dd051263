package org.millrace.runtime.io.network;

/**
 * Marks, in order with the records of a channel, the point that belongs to checkpoint
 * {@code checkpointId}: every record before it is in the checkpoint, every record after it is not.
 * Sources inject barriers when the JobMaster triggers a checkpoint; a task with several input
 * channels snapshots its state once the barrier arrived on all of them (aligned, for exactly-once)
 * and then forwards it downstream.
 */
public final class CheckpointBarrier extends AbstractEvent {

    private final long checkpointId;
    private final long timestamp;

    public CheckpointBarrier(long checkpointId, long timestamp) {
        this.checkpointId = checkpointId;
        this.timestamp = timestamp;
    }

    public long getCheckpointId() {
        return checkpointId;
    }

    /** When the JobMaster triggered the checkpoint (wall clock, ms). */
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointBarrier b && b.checkpointId == checkpointId && b.timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(checkpointId) * 31 + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "CheckpointBarrier " + checkpointId + " @ " + timestamp;
    }
}
