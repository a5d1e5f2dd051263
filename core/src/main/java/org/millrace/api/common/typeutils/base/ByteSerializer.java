package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link Byte} as one byte. Null is rejected with a {@link NullPointerException}. */
public final class ByteSerializer extends ImmutableValueSerializer<Byte> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final ByteSerializer INSTANCE = new ByteSerializer();

    @Override
    public void serialize(Byte record, DataOutputView target) throws IOException {
        target.writeByte(record);
    }

    @Override
    public Byte deserialize(DataInputView source) throws IOException {
        return source.readByte();
    }

    @Override
    public int getLength() {
        return 1;
    }
}
