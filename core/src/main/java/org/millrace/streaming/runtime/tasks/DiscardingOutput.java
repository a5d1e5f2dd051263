package org.millrace.streaming.runtime.tasks;

import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.millrace.util.OutputTag;

/** The output of an operator nobody reads (a sink): drops everything. */
final class DiscardingOutput implements Output<Object> {

    static final DiscardingOutput INSTANCE = new DiscardingOutput();

    private DiscardingOutput() {}

    @Override
    public void collect(StreamRecord<Object> record) {}

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {}

    @Override
    public void emitWatermark(Watermark mark) {}

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {}
}
