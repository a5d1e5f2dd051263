package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.millrace.util.OutputTag;

/**
 * Where an operator emits: the next chained operator (a direct call), a record writer (the
 * network), or several of those. The operator may reuse the record object after the call.
 * Watermarks and statuses go to every successor, main and side outputs alike; records sent with
 * an {@link OutputTag} only to the successors reading that side output (none: dropped).
 */
public interface Output<T> {

    void collect(StreamRecord<T> record);

    /** Emits a record to the side output {@code tag}. */
    <X> void collect(OutputTag<X> tag, StreamRecord<X> record);

    void emitWatermark(Watermark mark);

    void emitWatermarkStatus(WatermarkStatus status);
}
