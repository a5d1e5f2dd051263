package org.millrace.api.common.eventtime;

import java.io.Serializable;

/**
 * A watermark as a {@link WatermarkGenerator} emits it: the claim that no event with a timestamp
 * at or below {@link #getTimestamp()} will follow. The runtime turns it into the stream element
 * {@code org.millrace.streaming.api.watermark.Watermark}.
 */
public final class Watermark implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The watermark at the end of event time. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

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
