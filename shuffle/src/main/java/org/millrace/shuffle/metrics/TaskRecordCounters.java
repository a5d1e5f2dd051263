package org.millrace.shuffle.metrics;

/**
 * How many records one subtask attempt has read from its input gates and written to its result
 * partitions, counted where its buffers cross the shuffle (see {@link CountingResultPartitionWriter}
 * and {@link CountingInputGate}). Each figure is written by the task's thread and read by anyone
 * (the TaskManager's metric reports).
 */
public final class TaskRecordCounters {

    private volatile long recordsIn;
    private volatile long recordsOut;

    /** Task thread only. */
    void addRecordsIn(long n) {
        recordsIn += n;
    }

    /** Task thread only. */
    void addRecordsOut(long n) {
        recordsOut += n;
    }

    public long getRecordsIn() {
        return recordsIn;
    }

    public long getRecordsOut() {
        return recordsOut;
    }
}
