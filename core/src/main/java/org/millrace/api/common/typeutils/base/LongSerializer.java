package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link Long} as eight big-endian bytes. Null is rejected with a {@link NullPointerException}. */
public final class LongSerializer extends ImmutableValueSerializer<Long> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final LongSerializer INSTANCE = new LongSerializer();

    @Override
    public void serialize(Long record, DataOutputView target) throws IOException {
        target.writeLong(record);
    }

    @Override
    public Long deserialize(DataInputView source) throws IOException {
        return source.readLong();
    }

    @Override
    public int getLength() {
        return 8;
    }
}
