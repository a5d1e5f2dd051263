package org.millrace.runtime.io.network.api;

import java.io.IOException;
import java.util.Arrays;
import org.millrace.core.memory.DataInputDeserializer;
import org.millrace.runtime.io.network.Buffer;
import org.millrace.streaming.runtime.streamrecord.StreamElement;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * Reads the length-prefixed records of one input channel back out of its buffers, joining records
 * that span buffer boundaries. Each buffer's bytes are appended to a private window and the buffer
 * is recycled at once, so the producer gets its memory back as early as possible.
 *
 * <p>One per input channel, used by the consuming task's thread.
 */
public final class RecordDeserializer<T> {

    private final StreamElementSerializer<T> serializer;
    private final DataInputDeserializer view = new DataInputDeserializer();
    private byte[] window = new byte[64 * 1024];
    private int start;
    private int end;

    public RecordDeserializer(StreamElementSerializer<T> serializer) {
        this.serializer = serializer;
    }

    /** Takes the buffer's bytes and recycles it. */
    public void addBuffer(Buffer buffer) {
        int size = buffer.getSize();
        try {
            if (start > 0 && end - start + size > window.length) {
                System.arraycopy(window, start, window, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end + size > window.length) {
                window = Arrays.copyOf(window, Math.max(window.length * 2, end + size));
            }
            buffer.getMemorySegment().get(0, window, end, size);
            end += size;
        } finally {
            buffer.recycle();
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** The next complete record, read into {@code reuse}, or null if more bytes are needed; fails on a watermark. */
    public StreamRecord<T> next(StreamRecord<T> reuse) throws IOException {
        StreamElement element = nextElement(reuse);
        if (element != null && element != reuse) {
            throw new IOException("Expected a record but read " + element);
        }
        return reuse == element ? reuse : null;
    }

    /**
     * The next complete element, or null if more bytes are needed. A record is read into
     * {@code reuse} and returned as {@code reuse}; watermarks and statuses are new objects.
     */
    public StreamElement nextElement(StreamRecord<T> reuse) throws IOException {
        int available = end - start;
        if (available < 4) {
            return null;
        }
        byte[] w = window;
        int len = ((w[start] & 0xFF) << 24) | ((w[start + 1] & 0xFF) << 16) | ((w[start + 2] & 0xFF) << 8) | (w[start + 3] & 0xFF);
        if (len < 0) {
            throw new IOException("Corrupt stream: negative record length " + len);
        }
        if (available - 4 < len) {
            return null;
        }
        int recordStart = start + 4;
        view.setBuffer(w, recordStart, len);
        StreamElement element = serializer.deserialize(reuse, view);
        if (view.getPosition() != recordStart + len) {
            throw new IOException("Corrupt stream: serializer read " + (view.getPosition() - recordStart)
                    + " bytes of a " + len + "-byte record (" + serializer.getValueSerializer().getClass().getSimpleName() + ")");
        }
        start = recordStart + len;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return element;
    }

    /** True if no partial record is pending; false at end of input means the stream was truncated. */
    public boolean isEmpty() {
        return start == end;
    }
}
