package org.millrace.streaming.runtime.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.millrace.runtime.io.network.api.RecordWriter;
import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Sends an operator's records over an exchange to the next task, via the edge's record writer. */
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
}
