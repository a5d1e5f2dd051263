package org.millrace.streaming.runtime.tasks;

import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.millrace.util.OutputTag;

/**
 * The output of an operator that has side-output readers: main records go to the main output,
 * tagged records to the readers of their tag (retyped, since a side output has its own type), and
 * watermarks and statuses to everyone. Only built where a side output is read, so operators
 * without side outputs pay nothing for them.
 */
final class SideOutputRouter<T> implements Output<T> {

    private final Output<T> main;
    private final OutputTag<?>[] tags;
    private final Output<Object>[] sideOutputs;

    /** @param sideOutputs {@code sideOutputs[i]} reads the side output {@code tags[i]} */
    SideOutputRouter(Output<T> main, OutputTag<?>[] tags, Output<Object>[] sideOutputs) {
        this.main = main;
        this.tags = tags;
        this.sideOutputs = sideOutputs;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        main.collect(record);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        long ts = record.getTimestamp();
        boolean hasTs = record.hasTimestamp();
        X value = record.getValue();
        for (int i = 0; i < tags.length; i++) {
            if (tags[i].equals(tag)) {
                if (hasTs) {
                    record.replace(value, ts);
                } else {
                    record.eraseTimestamp();
                    record.replace(value);
                }
                sideOutputs[i].collect((StreamRecord<Object>) record);
            }
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        main.emitWatermark(mark);
        for (Output<Object> side : sideOutputs) {
            side.emitWatermark(mark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        main.emitWatermarkStatus(status);
        for (Output<Object> side : sideOutputs) {
            side.emitWatermarkStatus(status);
        }
    }
}
