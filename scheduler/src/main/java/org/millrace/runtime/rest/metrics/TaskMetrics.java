package org.millrace.runtime.rest.metrics;

/**
 * A subtask attempt's latest totals and its rates over the store's window (Flink's
 * {@code numRecordsOutPerSecond}, {@code backPressuredTimeMsPerSecond}, ...); rates are 0 until
 * two samples at different times exist.
 */
public record TaskMetrics(TaskSample latest, double recordsInPerSecond, double recordsOutPerSecond,
        double idleTimeMsPerSecond, double backPressuredTimeMsPerSecond, double busyTimeMsPerSecond) {

    static TaskMetrics between(TaskSample oldest, TaskSample latest) {
        double seconds = (latest.timestampMillis() - oldest.timestampMillis()) / 1000.0;
        if (seconds <= 0) {
            return new TaskMetrics(latest, 0, 0, 0, 0, 0);
        }
        return new TaskMetrics(latest,
                (latest.recordsIn() - oldest.recordsIn()) / seconds,
                (latest.recordsOut() - oldest.recordsOut()) / seconds,
                perSecond(latest.idleMillis() - oldest.idleMillis(), seconds),
                perSecond(latest.backPressuredMillis() - oldest.backPressuredMillis(), seconds),
                perSecond(latest.busyMillis() - oldest.busyMillis(), seconds));
    }

    /** Milliseconds per second, capped at 1000 (the two clocks of a sample may disagree slightly). */
    private static double perSecond(long millis, double seconds) {
        return Math.max(0, Math.min(1000, millis / seconds));
    }
}
