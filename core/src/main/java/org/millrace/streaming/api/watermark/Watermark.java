package org.millrace.streaming.api.watermark;

import org.millrace.streaming.runtime.streamrecord.StreamElement;

/**
 * The stream element that says "no record with a timestamp at or below {@link #getTimestamp()}
 * follows". Operators fire event-time timers (and windows) when it passes them, then forward it.
 * {@link #MAX_WATERMARK} marks the end of event time: a bounded input sends it when it ends.
 */
public final class Watermark extends StreamElement {

    /** The watermark that ends event time; everything still pending fires. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    /** The watermark before any was seen. */
    public static final Watermark UNINITIALIZED = new Watermark(Long.MIN_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark w && w.timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp;
    }
}
