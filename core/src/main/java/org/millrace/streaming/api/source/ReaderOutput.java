package org.millrace.streaming.api.source;

/** Where a {@link SourceReader} emits its records. */
public interface ReaderOutput<T> {

    void collect(T record);

    /** Emits a record with an event-time timestamp (milliseconds). */
    void collect(T record, long timestamp);
}
