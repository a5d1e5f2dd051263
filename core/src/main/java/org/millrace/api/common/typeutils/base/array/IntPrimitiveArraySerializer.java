package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Serializes {@code int[]} (or null); see {@link PrimitiveArraySerializer} for the format. */
public final class IntPrimitiveArraySerializer extends PrimitiveArraySerializer<int[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final IntPrimitiveArraySerializer INSTANCE = new IntPrimitiveArraySerializer();

    @Override
    protected int length(int[] array) {
        return array.length;
    }

    @Override
    protected void writeElements(int[] array, int length, DataOutputView target) throws IOException {
        for (int i = 0; i < length; i++) {
            target.writeInt(array[i]);
        }
    }

    @Override
    protected int[] readElements(int length, DataInputView source) throws IOException {
        int[] array = new int[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readInt();
        }
        return array;
    }

    @Override
    protected int[] cloneArray(int[] array) {
        return array.clone();
    }
}
