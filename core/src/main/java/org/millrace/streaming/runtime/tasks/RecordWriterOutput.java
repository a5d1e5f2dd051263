package org.millrace.streaming.runtime.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.millrace.runtime.io.network.api.RecordWriter;
import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamElement;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.millrace.util.OutputTag;

/**
 * Sends an operator's records over an exchange to the next task, via the edge's record writer.
 * Watermarks and statuses go to every channel of the exchange.
 */
final class RecordWriterOutput<T> implements Output<T> {

    private final RecordWriter<T> writer;

    RecordWriterOutput(RecordWriter<T> writer) {
        this.writer = writer;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        try {
            writer.emit(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException("Interrupted while waiting for a network buffer");
        }
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {}

    @Override
    public void emitWatermark(Watermark mark) {
        broadcast(mark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        broadcast(status);
    }

    private void broadcast(StreamElement element) {
        try {
            writer.broadcastEmit(element);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException("Interrupted while waiting for a network buffer");
        }
    }
}
