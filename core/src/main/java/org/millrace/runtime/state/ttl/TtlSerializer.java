package org.millrace.runtime.state.ttl;

import java.io.IOException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/** Writes a {@link TtlValue} as its timestamp (8 bytes) followed by the value in its own serializer. */
public final class TtlSerializer<T> extends TypeSerializer<TtlValue<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> valueSerializer;

    public TtlSerializer(TypeSerializer<T> valueSerializer) {
        this.valueSerializer = valueSerializer;
    }

    @Override
    public void serialize(TtlValue<T> record, DataOutputView target) throws IOException {
        target.writeLong(record.lastAccessTimestamp());
        valueSerializer.serialize(record.value(), target);
    }

    @Override
    public TtlValue<T> deserialize(DataInputView source) throws IOException {
        long timestamp = source.readLong();
        return new TtlValue<>(valueSerializer.deserialize(source), timestamp);
    }

    @Override
    public TtlValue<T> copy(TtlValue<T> from) {
        return new TtlValue<>(valueSerializer.copy(from.value()), from.lastAccessTimestamp());
    }

    @Override
    public boolean isImmutableType() {
        return valueSerializer.isImmutableType();
    }

    @Override
    public TypeSerializer<TtlValue<T>> duplicate() {
        TypeSerializer<T> duplicate = valueSerializer.duplicate();
        return duplicate == valueSerializer ? this : new TtlSerializer<>(duplicate);
    }
}
