package org.millrace.streaming.runtime.tasks;

import java.util.concurrent.ScheduledFuture;

/**
 * Wall-clock time and timers for an operator. Callbacks always run in the task's thread (the
 * timer thread only posts a mail), so they may touch operator state like {@code processElement}
 * does. Timers still pending when the task ends never fire.
 */
public interface ProcessingTimeService {

    /** Milliseconds since the epoch. */
    long getCurrentProcessingTime();

    /** Calls {@code callback.onProcessingTime(timestamp)} once the clock reaches {@code timestamp}. */
    ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback);

    /** Calls {@code callback} every {@code periodMillis}, starting after {@code initialDelayMillis}. */
    ScheduledFuture<?> scheduleWithFixedDelay(ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis);

    /** What a processing-time timer runs. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        /** @param time the time the timer was set for (for periodic ones, the time it ran) */
        void onProcessingTime(long time) throws Exception;
    }
}
