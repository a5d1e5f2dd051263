package org.millrace.runtime.io.network;

/**
 * Marks, in order with the records of a channel, the point that belongs to checkpoint
 * {@code checkpointId}: every record before it is in the checkpoint, every record after it is not.
 * Sources inject barriers when the JobMaster triggers a checkpoint; a task with several input
 * channels snapshots its state once the barrier arrived on all of them (aligned, for exactly-once)
 * and then forwards it downstream. A savepoint's barrier names the directory its state goes to;
 * a checkpoint's leaves that to the job's checkpoint storage ({@code chk-<n>}).
 */
public final class CheckpointBarrier extends AbstractEvent {

    private final long checkpointId;
    private final long timestamp;
    private final String targetLocation;

    public CheckpointBarrier(long checkpointId, long timestamp) {
        this(checkpointId, timestamp, null);
    }

    /** @param targetLocation the directory (file system URI) of a savepoint, or null for a checkpoint */
    public CheckpointBarrier(long checkpointId, long timestamp, String targetLocation) {
        this.checkpointId = checkpointId;
        this.timestamp = timestamp;
        this.targetLocation = targetLocation;
    }

    /** The savepoint directory its state files go to, or null for a regular checkpoint. */
    public String getTargetLocation() {
        return targetLocation;
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
        return o instanceof CheckpointBarrier b && b.checkpointId == checkpointId && b.timestamp == timestamp
                && java.util.Objects.equals(b.targetLocation, targetLocation);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(checkpointId) * 31 + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return (targetLocation == null ? "CheckpointBarrier " : "SavepointBarrier ") + checkpointId + " @ " + timestamp;
    }
}
