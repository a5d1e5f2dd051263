package org.millrace.streaming.api;

/**
 * What a checkpoint guarantees after a restore. EXACTLY_ONCE aligns barriers: a task with several
 * input channels holds back records of channels whose barrier arrived until all have, so its
 * snapshot contains each record's effect exactly once. AT_LEAST_ONCE does not hold anything back
 * (lower latency under skew); records between the first and last barrier may be applied again after
 * a restore.
 */
public enum CheckpointingMode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE
}
