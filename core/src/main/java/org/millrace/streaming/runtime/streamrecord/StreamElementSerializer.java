package org.millrace.streaming.runtime.streamrecord;

import java.io.IOException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Frames stream elements for the wire: a tag byte ({@code 0} record, {@code 1} record with
 * timestamp), the timestamp if any, then the value in its own serializer's format. Later element
 * kinds (watermarks) take further tags.
 */
public final class StreamElementSerializer<T> {

    static final byte TAG_RECORD = 0;
    static final byte TAG_RECORD_WITH_TIMESTAMP = 1;

    private final TypeSerializer<T> valueSerializer;

    public StreamElementSerializer(TypeSerializer<T> valueSerializer) {
        this.valueSerializer = valueSerializer;
    }

    public TypeSerializer<T> getValueSerializer() {
        return valueSerializer;
    }

    public void serializeRecord(StreamRecord<T> record, DataOutputView target) throws IOException {
        if (record.hasTimestamp()) {
            target.writeByte(TAG_RECORD_WITH_TIMESTAMP);
            target.writeLong(record.getTimestamp());
        } else {
            target.writeByte(TAG_RECORD);
        }
        valueSerializer.serialize(record.getValue(), target);
    }

    /** Reads one element into {@code reuse} and returns it. */
    public StreamRecord<T> deserializeRecord(StreamRecord<T> reuse, DataInputView source) throws IOException {
        byte tag = source.readByte();
        switch (tag) {
            case TAG_RECORD:
                reuse.eraseTimestamp();
                return reuse.replace(valueSerializer.deserialize(source));
            case TAG_RECORD_WITH_TIMESTAMP:
                long ts = source.readLong();
                return reuse.replace(valueSerializer.deserialize(source), ts);
            default:
                throw new IOException("Corrupt stream: unknown element tag " + tag);
        }
    }
}
