package org.millrace.streaming.api.operators;

import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.util.Collector;

/**
 * The {@link Collector} handed to flatMap and process functions: wraps each emitted value in one
 * reused {@link StreamRecord} carrying the timestamp of the input being processed.
 */
public final class TimestampedCollector<T> implements Collector<T> {

    private final Output<T> output;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    public TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    /** Emitted records get {@code input}'s timestamp (or none). */
    public void setTimestampFrom(StreamRecord<?> input) {
        if (input.hasTimestamp()) {
            reuse.setTimestamp(input.getTimestamp());
        } else {
            reuse.eraseTimestamp();
        }
    }

    /** Emitted records get {@code timestamp}. */
    public void setAbsoluteTimestamp(long timestamp) {
        reuse.setTimestamp(timestamp);
    }

    /** Emitted records get no timestamp. */
    public void eraseTimestamp() {
        reuse.eraseTimestamp();
    }

    @Override
    public void collect(T record) {
        output.collect(reuse.replace(record));
    }

    @Override
    public void close() {}
}
