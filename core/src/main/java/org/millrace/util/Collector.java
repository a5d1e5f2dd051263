package org.millrace.util;

/** Receives the records a function emits (flatMap, process, windows); one per output, not thread-safe. */
public interface Collector<T> {

    void collect(T record);

    void close();
}
