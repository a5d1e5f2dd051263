package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes an {@link Integer} as four big-endian bytes (fixed width: faster than a varint for counters). Null is rejected with a {@link NullPointerException}. */
public final class IntSerializer extends ImmutableValueSerializer<Integer> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final IntSerializer INSTANCE = new IntSerializer();

    @Override
    public void serialize(Integer record, DataOutputView target) throws IOException {
        target.writeInt(record);
    }

    @Override
    public Integer deserialize(DataInputView source) throws IOException {
        return source.readInt();
    }

    @Override
    public int getLength() {
        return 4;
    }
}
