package org.millrace.streaming.api;

/**
 * Time and timers as a process function sees them. Timers are scoped to the current key; one
 * timer per (key, timestamp) exists however often it is registered. An event-time timer fires
 * when the watermark reaches its timestamp, a processing-time timer when the wall clock does;
 * either calls the function's {@code onTimer}. Only keyed streams have timers.
 */
public interface TimerService {

    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed streams.";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed streams.";

    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
