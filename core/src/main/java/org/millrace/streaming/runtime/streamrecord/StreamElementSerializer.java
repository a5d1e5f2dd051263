package org.millrace.streaming.runtime.streamrecord;

import java.io.IOException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Frames stream elements for the wire: a tag byte, then the element.
 *
 * <pre>
 *  0  record                  [value]
 *  1  record with timestamp   [long timestamp][value]
 *  2  watermark               [long timestamp]
 *  3  watermark status        [int status]
 * </pre>
 *
 * The value is in its own serializer's format. Records are the hot path: reading one allocates
 * nothing but what the value serializer makes; watermarks and statuses are rare and allocate.
 */
public final class StreamElementSerializer<T> {

    static final byte TAG_RECORD = 0;
    static final byte TAG_RECORD_WITH_TIMESTAMP = 1;
    static final byte TAG_WATERMARK = 2;
    static final byte TAG_WATERMARK_STATUS = 3;

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

    /** Writes a watermark or a watermark status (records go through {@link #serializeRecord}). */
    public void serializeControlElement(StreamElement element, DataOutputView target) throws IOException {
        if (element.isWatermark()) {
            target.writeByte(TAG_WATERMARK);
            target.writeLong(element.asWatermark().getTimestamp());
        } else if (element.isWatermarkStatus()) {
            target.writeByte(TAG_WATERMARK_STATUS);
            target.writeInt(element.asWatermarkStatus().getStatus());
        } else {
            throw new IllegalArgumentException("Not a control element: " + element);
        }
    }

    /**
     * Reads one element: a record is read into {@code reuse} and {@code reuse} is returned, so a
     * caller tells records from the rare watermarks by identity ({@code element == reuse}).
     */
    public StreamElement deserialize(StreamRecord<T> reuse, DataInputView source) throws IOException {
        byte tag = source.readByte();
        switch (tag) {
            case TAG_RECORD:
                reuse.eraseTimestamp();
                return reuse.replace(valueSerializer.deserialize(source));
            case TAG_RECORD_WITH_TIMESTAMP:
                long ts = source.readLong();
                return reuse.replace(valueSerializer.deserialize(source), ts);
            case TAG_WATERMARK:
                return new Watermark(source.readLong());
            case TAG_WATERMARK_STATUS:
                return WatermarkStatus.of(source.readInt());
            default:
                throw new IOException("Corrupt stream: unknown element tag " + tag);
        }
    }

    /** Reads one element that must be a record into {@code reuse} and returns it. */
    public StreamRecord<T> deserializeRecord(StreamRecord<T> reuse, DataInputView source) throws IOException {
        StreamElement element = deserialize(reuse, source);
        if (element != reuse) {
            throw new IOException("Expected a record but read " + element);
        }
        return reuse;
    }
}
