package org.millrace.streaming.api.functions.sink;

import org.millrace.api.common.functions.Function;

/** A sink called once per record: {@code DataStream.addSink}. */
public interface SinkFunction<IN> extends Function {

    /** Writes one value; the default calls {@link #invoke(Object)}. */
    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    default void invoke(IN value) throws Exception {}

    /** Called once when the input has ended (bounded streams), before close. */
    default void finish() throws Exception {}

    /** What a sink knows about the record being written. */
    interface Context {
        /** The record's timestamp, or null. */
        Long timestamp();
    }
}
