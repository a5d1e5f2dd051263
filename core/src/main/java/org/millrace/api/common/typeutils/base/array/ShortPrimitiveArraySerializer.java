package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Serializes {@code short[]} (or null); see {@link PrimitiveArraySerializer} for the format. */
public final class ShortPrimitiveArraySerializer extends PrimitiveArraySerializer<short[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final ShortPrimitiveArraySerializer INSTANCE = new ShortPrimitiveArraySerializer();

    @Override
    protected int length(short[] array) {
        return array.length;
    }

    @Override
    protected void writeElements(short[] array, int length, DataOutputView target) throws IOException {
        for (int i = 0; i < length; i++) {
            target.writeShort(array[i]);
        }
    }

    @Override
    protected short[] readElements(int length, DataInputView source) throws IOException {
        short[] array = new short[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readShort();
        }
        return array;
    }

    @Override
    protected short[] cloneArray(short[] array) {
        return array.clone();
    }
}
