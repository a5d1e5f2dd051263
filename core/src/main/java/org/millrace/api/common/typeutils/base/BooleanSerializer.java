package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link Boolean} as one byte. Null is rejected with a {@link NullPointerException}. */
public final class BooleanSerializer extends ImmutableValueSerializer<Boolean> {

    private static final long serialVersionUID = 1L;

    /** The shared instance (the serializer is stateless). */
    public static final BooleanSerializer INSTANCE = new BooleanSerializer();

    @Override
    public void serialize(Boolean record, DataOutputView target) throws IOException {
        target.writeBoolean(record);
    }

    @Override
    public Boolean deserialize(DataInputView source) throws IOException {
        return source.readBoolean();
    }

    @Override
    public int getLength() {
        return 1;
    }
}
