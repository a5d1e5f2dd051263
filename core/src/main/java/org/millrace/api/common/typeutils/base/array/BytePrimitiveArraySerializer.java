package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Serializes {@code byte[]} (or null); see {@link PrimitiveArraySerializer} for the format. */
public final class BytePrimitiveArraySerializer extends PrimitiveArraySerializer<byte[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final BytePrimitiveArraySerializer INSTANCE = new BytePrimitiveArraySerializer();

    @Override
    protected int length(byte[] array) {
        return array.length;
    }

    @Override
    protected void writeElements(byte[] array, int length, DataOutputView target) throws IOException {
        target.write(array, 0, length);
    }

    @Override
    protected byte[] readElements(int length, DataInputView source) throws IOException {
        byte[] array = new byte[length];
        source.readFully(array);
        return array;
    }

    @Override
    protected byte[] cloneArray(byte[] array) {
        return array.clone();
    }
}
