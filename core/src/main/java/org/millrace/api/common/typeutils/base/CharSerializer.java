package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link Character} as its two-byte UTF-16 code unit. Null is rejected with a {@link NullPointerException}. */
public final class CharSerializer extends ImmutableValueSerializer<Character> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final CharSerializer INSTANCE = new CharSerializer();

    @Override
    public void serialize(Character record, DataOutputView target) throws IOException {
        target.writeChar(record);
    }

    @Override
    public Character deserialize(DataInputView source) throws IOException {
        return source.readChar();
    }

    @Override
    public int getLength() {
        return 2;
    }
}
