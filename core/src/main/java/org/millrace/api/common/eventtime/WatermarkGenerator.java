package org.millrace.api.common.eventtime;

/**
 * Decides the watermarks of a stream from its events. Punctuated generators emit from
 * {@link #onEvent}; periodic ones remember what they saw and emit from {@link #onPeriodicEmit},
 * which runs every {@code pipeline.auto-watermark-interval} in the task's thread. Both run in
 * the task thread only, so a generator needs no synchronization.
 */
public interface WatermarkGenerator<T> {

    /** Called for every event, after its timestamp was assigned. */
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    /** Called periodically; may emit a watermark. */
    void onPeriodicEmit(WatermarkOutput output);
}
