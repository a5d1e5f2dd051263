package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Serializes {@code boolean[]} (or null); see {@link PrimitiveArraySerializer} for the format. */
public final class BooleanPrimitiveArraySerializer extends PrimitiveArraySerializer<boolean[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final BooleanPrimitiveArraySerializer INSTANCE = new BooleanPrimitiveArraySerializer();

    @Override
    protected int length(boolean[] array) {
        return array.length;
    }

    @Override
    protected void writeElements(boolean[] array, int length, DataOutputView target) throws IOException {
        for (int i = 0; i < length; i++) {
            target.writeBoolean(array[i]);
        }
    }

    @Override
    protected boolean[] readElements(int length, DataInputView source) throws IOException {
        boolean[] array = new boolean[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readBoolean();
        }
        return array;
    }

    @Override
    protected boolean[] cloneArray(boolean[] array) {
        return array.clone();
    }
}
