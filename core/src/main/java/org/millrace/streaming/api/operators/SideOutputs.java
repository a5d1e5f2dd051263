package org.millrace.streaming.api.operators;

import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.util.OutputTag;

/** Emits values to side outputs through one reused record, with a given timestamp or none. */
public final class SideOutputs {

    private final Output<?> output;
    private final StreamRecord<Object> reuse = new StreamRecord<>(null);

    public SideOutputs(Output<?> output) {
        this.output = output;
    }

    /** Emits {@code value} to {@code tag} with the timestamp of {@code like} (or none if it has none or is null). */
    public <X> void emit(OutputTag<X> tag, X value, StreamRecord<?> like) {
        if (like != null && like.hasTimestamp()) {
            emit(tag, value, like.getTimestamp());
        } else {
            emit(tag, value, (Long) null);
        }
    }

    /** Emits {@code value} to {@code tag} with {@code timestamp} (null: none). */
    public <X> void emit(OutputTag<X> tag, X value, Long timestamp) {
        if (tag == null) {
            throw new IllegalArgumentException("OutputTag must not be null");
        }
        if (timestamp != null) {
            reuse.setTimestamp(timestamp);
        } else {
            reuse.eraseTimestamp();
        }
        output.collect(tag, reuse.<X>replace(value));
    }
}
