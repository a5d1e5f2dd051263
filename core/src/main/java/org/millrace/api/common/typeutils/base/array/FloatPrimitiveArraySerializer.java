package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Serializes {@code float[]} (or null); see {@link PrimitiveArraySerializer} for the format. */
public final class FloatPrimitiveArraySerializer extends PrimitiveArraySerializer<float[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final FloatPrimitiveArraySerializer INSTANCE = new FloatPrimitiveArraySerializer();

    @Override
    protected int length(float[] array) {
        return array.length;
    }

    @Override
    protected void writeElements(float[] array, int length, DataOutputView target) throws IOException {
        for (int i = 0; i < length; i++) {
            target.writeFloat(array[i]);
        }
    }

    @Override
    protected float[] readElements(int length, DataInputView source) throws IOException {
        float[] array = new float[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readFloat();
        }
        return array;
    }

    @Override
    protected float[] cloneArray(float[] array) {
        return array.clone();
    }
}
