package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link Double} as its eight IEEE-754 bytes. Null is rejected with a {@link NullPointerException}. */
public final class DoubleSerializer extends ImmutableValueSerializer<Double> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final DoubleSerializer INSTANCE = new DoubleSerializer();

    @Override
    public void serialize(Double record, DataOutputView target) throws IOException {
        target.writeDouble(record);
    }

    @Override
    public Double deserialize(DataInputView source) throws IOException {
        return source.readDouble();
    }

    @Override
    public int getLength() {
        return 8;
    }
}
