package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Serializes {@code double[]} (or null); see {@link PrimitiveArraySerializer} for the format. */
public final class DoublePrimitiveArraySerializer extends PrimitiveArraySerializer<double[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final DoublePrimitiveArraySerializer INSTANCE = new DoublePrimitiveArraySerializer();

    @Override
    protected int length(double[] array) {
        return array.length;
    }

    @Override
    protected void writeElements(double[] array, int length, DataOutputView target) throws IOException {
        for (int i = 0; i < length; i++) {
            target.writeDouble(array[i]);
        }
    }

    @Override
    protected double[] readElements(int length, DataInputView source) throws IOException {
        double[] array = new double[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readDouble();
        }
        return array;
    }

    @Override
    protected double[] cloneArray(double[] array) {
        return array.clone();
    }
}
