package org.millrace.streaming.api.operators;

import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * Where an operator emits its records: the next chained operator (a direct call), a record writer
 * (the network), or several of those. The operator may reuse the record object after the call.
 */
public interface Output<T> {

    void collect(StreamRecord<T> record);
}
