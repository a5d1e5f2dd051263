package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Serializes {@code long[]} (or null); see {@link PrimitiveArraySerializer} for the format. */
public final class LongPrimitiveArraySerializer extends PrimitiveArraySerializer<long[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final LongPrimitiveArraySerializer INSTANCE = new LongPrimitiveArraySerializer();

    @Override
    protected int length(long[] array) {
        return array.length;
    }

    @Override
    protected void writeElements(long[] array, int length, DataOutputView target) throws IOException {
        for (int i = 0; i < length; i++) {
            target.writeLong(array[i]);
        }
    }

    @Override
    protected long[] readElements(int length, DataInputView source) throws IOException {
        long[] array = new long[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readLong();
        }
        return array;
    }

    @Override
    protected long[] cloneArray(long[] array) {
        return array.clone();
    }
}
