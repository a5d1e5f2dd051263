package org.millrace.api.common;

/**
 * How a job runs. BATCH (bounded inputs only): blocking exchanges, keyed aggregations emit one
 * final result per key. STREAMING: pipelined exchanges, running updates. AUTOMATIC: BATCH if
 * every source is bounded, else STREAMING.
 */
public enum RuntimeExecutionMode {
    STREAMING,
    BATCH,
    AUTOMATIC
}
