package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * An operator with one (possibly unioned) input. The task calls it in its own thread only:
 * records, watermarks (already the minimum over all input channels, never decreasing) and status
 * changes, in stream order.
 */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {

    /** Processes one record; may emit any number of records to its output. */
    void processElement(StreamRecord<IN> element) throws Exception;

    /**
     * Event time has advanced to {@code mark}: fire what it passes (timers, windows), then forward
     * it. Operators without event-time logic forward it unchanged.
     */
    void processWatermark(Watermark mark) throws Exception;

    /** The input went idle or became active again; forwarded unchanged by most operators. */
    void processWatermarkStatus(WatermarkStatus status) throws Exception;
}
