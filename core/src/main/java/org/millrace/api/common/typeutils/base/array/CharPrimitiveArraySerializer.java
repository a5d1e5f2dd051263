package org.millrace.api.common.typeutils.base.array;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Serializes {@code char[]} (or null); see {@link PrimitiveArraySerializer} for the format. */
public final class CharPrimitiveArraySerializer extends PrimitiveArraySerializer<char[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final CharPrimitiveArraySerializer INSTANCE = new CharPrimitiveArraySerializer();

    @Override
    protected int length(char[] array) {
        return array.length;
    }

    @Override
    protected void writeElements(char[] array, int length, DataOutputView target) throws IOException {
        for (int i = 0; i < length; i++) {
            target.writeChar(array[i]);
        }
    }

    @Override
    protected char[] readElements(int length, DataInputView source) throws IOException {
        char[] array = new char[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readChar();
        }
        return array;
    }

    @Override
    protected char[] cloneArray(char[] array) {
        return array.clone();
    }
}
