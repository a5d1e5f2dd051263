package org.millrace.runtime.rest.metrics;

/**
 * One subtask attempt's running totals as its TaskManager reported them at {@code timestampMillis}
 * (the TaskManager's clock): records read and written, and milliseconds spent idle, back-pressured
 * and in total since it started (busy = total - idle - back-pressured).
 */
public record TaskSample(long timestampMillis, long recordsIn, long recordsOut, long idleMillis, long backPressuredMillis,
        long totalMillis) {

    public long busyMillis() {
        return Math.max(0, totalMillis - idleMillis - backPressuredMillis);
    }
}
