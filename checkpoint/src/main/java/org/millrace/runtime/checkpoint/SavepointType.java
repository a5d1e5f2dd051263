package org.millrace.runtime.checkpoint;

/**
 * What a savepoint is for, as the user asked for it: the job goes on, or stops once the savepoint
 * is written ({@code flink stop}), or first ends event time so that everything pending is emitted
 * ({@code flink stop --drain}). Carried from the CLI and REST through the dispatcher to the job.
 */
public enum SavepointType {
    /** {@code flink savepoint}: the job keeps running. */
    SAVEPOINT,
    /** {@code flink stop} (or {@code cancel-job: true}): the job is cancelled once the savepoint is written. */
    STOP,
    /**
     * {@code flink stop --drain}: the sources end their input with the savepoint, event time reaches
     * its end (windows and event-time timers fire), and the job finishes.
     */
    STOP_AND_DRAIN;

    /** Whether the job ends with this savepoint. */
    public boolean stopsJob() {
        return this != SAVEPOINT;
    }
}
