package org.millrace.api.common;

/**
 * How the exchanges of a BATCH job move data (Flink's {@code execution.batch-shuffle-mode}).
 * BLOCKING spills every exchange to files and runs the job stage by stage, so it needs as little as
 * one slot; PIPELINED streams every exchange and runs all tasks at once.
 */
public enum BatchShuffleMode {
    /** All exchanges pipelined; all tasks run at the same time (needs slots for every subtask). */
    ALL_EXCHANGES_PIPELINED,
    /** All exchanges blocking (spilled, checksummed); a task starts when its inputs are complete. */
    ALL_EXCHANGES_BLOCKING
}
