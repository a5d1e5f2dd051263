package org.millrace.api.connector.sink2;

import java.io.IOException;

/** Writes the records of one subtask of a {@link Sink}; called from the task thread only. */
public interface SinkWriter<IN> extends AutoCloseable {

    void write(IN element, Context context) throws IOException, InterruptedException;

    /** Makes written records durable/visible; {@code endOfInput} is true on the final call of a bounded stream. */
    void flush(boolean endOfInput) throws IOException, InterruptedException;

    /** What a writer knows about the record being written. */
    interface Context {
        /** The record's timestamp, or null. */
        Long timestamp();
    }
}
