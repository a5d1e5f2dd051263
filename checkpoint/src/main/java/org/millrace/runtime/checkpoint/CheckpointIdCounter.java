package org.millrace.runtime.checkpoint;

/**
 * Hands out a job's checkpoint ids. It exists apart from the coordinator so that, with high
 * availability, the ids live where a new leader JobManager finds them (ZooKeeper) and it continues
 * above every id the old leader used, never reusing a checkpoint directory.
 */
public interface CheckpointIdCounter {

    /** The next id; each call returns a higher one than every earlier call, in any JobManager. */
    long getAndIncrement() throws Exception;

    /** Makes the next id at least {@code next} (a job restored from savepoint {@code next - 1}). */
    void raiseTo(long next) throws Exception;
}
