package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link Float} as its four IEEE-754 bytes. Null is rejected with a {@link NullPointerException}. */
public final class FloatSerializer extends ImmutableValueSerializer<Float> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final FloatSerializer INSTANCE = new FloatSerializer();

    @Override
    public void serialize(Float record, DataOutputView target) throws IOException {
        target.writeFloat(record);
    }

    @Override
    public Float deserialize(DataInputView source) throws IOException {
        return source.readFloat();
    }

    @Override
    public int getLength() {
        return 4;
    }
}
