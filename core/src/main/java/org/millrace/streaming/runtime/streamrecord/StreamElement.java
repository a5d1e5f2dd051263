package org.millrace.streaming.runtime.streamrecord;

import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * What flows through a stream between operators and over exchanges: a {@link StreamRecord}, a
 * {@link Watermark} or a {@link WatermarkStatus}. Records are the hot path; the others are rare
 * and are told apart with the {@code is*} checks.
 */
public abstract class StreamElement {

    public final boolean isRecord() {
        return getClass() == StreamRecord.class;
    }

    public final boolean isWatermark() {
        return getClass() == Watermark.class;
    }

    public final boolean isWatermarkStatus() {
        return getClass() == WatermarkStatus.class;
    }

    @SuppressWarnings("unchecked")
    public final <E> StreamRecord<E> asRecord() {
        return (StreamRecord<E>) this;
    }

    public final Watermark asWatermark() {
        return (Watermark) this;
    }

    public final WatermarkStatus asWatermarkStatus() {
        return (WatermarkStatus) this;
    }
}
