package org.millrace.streaming.runtime.tasks;

import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.millrace.util.OutputTag;

/** An operator with several successors: every record, watermark and status goes to each of them in turn. */
final class BroadcastingOutput<T> implements Output<T> {

    private final Output<T>[] outputs;

    BroadcastingOutput(Output<T>[] outputs) {
        this.outputs = outputs;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        long ts = record.getTimestamp();
        boolean hasTs = record.hasTimestamp();
        T value = record.getValue();
        for (Output<T> output : outputs) {
            restore(record, value, hasTs, ts);
            output.collect(record);
        }
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        long ts = record.getTimestamp();
        boolean hasTs = record.hasTimestamp();
        X value = record.getValue();
        for (Output<T> output : outputs) {
            restore(record, value, hasTs, ts);
            output.collect(tag, record);
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        for (Output<T> output : outputs) {
            output.emitWatermark(mark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        for (Output<T> output : outputs) {
            output.emitWatermarkStatus(status);
        }
    }

    /** A successor may replace the record's value or timestamp; this puts both back for the next one. */
    private static <X> void restore(StreamRecord<X> record, X value, boolean hasTimestamp, long timestamp) {
        if (hasTimestamp) {
            record.replace(value, timestamp);
        } else {
            record.eraseTimestamp();
            record.replace(value);
        }
    }
}
