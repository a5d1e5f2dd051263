package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link Short} as two big-endian bytes. Null is rejected with a {@link NullPointerException}. */
public final class ShortSerializer extends ImmutableValueSerializer<Short> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final ShortSerializer INSTANCE = new ShortSerializer();

    @Override
    public void serialize(Short record, DataOutputView target) throws IOException {
        target.writeShort(record);
    }

    @Override
    public Short deserialize(DataInputView source) throws IOException {
        return source.readShort();
    }

    @Override
    public int getLength() {
        return 2;
    }
}
