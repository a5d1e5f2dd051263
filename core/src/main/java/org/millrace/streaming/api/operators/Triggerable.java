package org.millrace.streaming.api.operators;

/**
 * What a keyed operator does when one of its timers fires. The backend's current key is already
 * the timer's key. Called in the task thread: event-time timers while a watermark is processed,
 * before it is forwarded; processing-time timers from a mail.
 */
public interface Triggerable<K, N> {

    void onEventTime(InternalTimer<K, N> timer) throws Exception;

    void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}
