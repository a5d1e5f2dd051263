package org.millrace.runtime.metrics;

/**
 * Where one subtask's time goes: waiting for input (idle), waiting for a free output buffer
 * (back-pressured), or working (busy = the rest). Written by the task's thread, read by anyone
 * (the JobManager side, REST later, tests); only the waits are timed, so the record path pays
 * nothing while data flows.
 */
public final class TaskIOMetrics {

    private final long startNanos = System.nanoTime();
    private volatile long idleNanos;
    private volatile long backPressuredNanos;
    private volatile long endNanos;

    /** Adds time spent waiting for input. Task thread only. */
    public void addIdleNanos(long nanos) {
        idleNanos += nanos;
    }

    /** Adds time spent waiting for an output buffer. Task thread only. */
    public void addBackPressuredNanos(long nanos) {
        backPressuredNanos += nanos;
    }

    /** Freezes the totals when the task ends. */
    public void markEnded() {
        endNanos = System.nanoTime();
    }

    /** The totals so far (or at the end). */
    public Snapshot snapshot() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        long total = Math.max(1, end - startNanos);
        long idle = Math.min(idleNanos, total);
        long backPressured = Math.min(backPressuredNanos, total - idle);
        return new Snapshot(total / 1_000_000, idle / 1_000_000, backPressured / 1_000_000,
                (double) idle / total, (double) backPressured / total, (double) (total - idle - backPressured) / total);
    }

    /**
     * Times of one subtask in milliseconds, and the share of its lifetime spent idle, back-pressured
     * and busy (the three ratios add up to 1).
     */
    public record Snapshot(long totalMillis, long idleMillis, long backPressuredMillis,
            double idleRatio, double backPressuredRatio, double busyRatio) {}
}
