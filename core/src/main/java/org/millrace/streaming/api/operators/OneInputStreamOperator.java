package org.millrace.streaming.api.operators;

import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** An operator with one (possibly unioned) input. */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {

    /** Processes one record; may emit any number of records to its output. */
    void processElement(StreamRecord<IN> element) throws Exception;
}
