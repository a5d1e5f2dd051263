package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes a {@link List} as a varint {@code size + 1} ({@code 0} = null list), then per element a
 * null marker and the value. Reads back an {@link ArrayList}.
 */
public final class ListSerializer<T> extends TypeSerializer<List<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> elementSerializer;

    public ListSerializer(TypeSerializer<T> elementSerializer) {
        this.elementSerializer = Objects.requireNonNull(elementSerializer);
    }

    public TypeSerializer<T> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public void serialize(List<T> record, DataOutputView target) throws IOException {
        if (record == null) {
            VarInts.write(target, 0);
            return;
        }
        VarInts.write(target, record.size() + 1);
        for (T element : record) {
            if (NullableSerializer.writeMarker(element, target)) {
                elementSerializer.serialize(element, target);
            }
        }
    }

    @Override
    public List<T> deserialize(DataInputView source) throws IOException {
        int header = VarInts.read(source);
        if (header == 0) {
            return null;
        }
        int size = header - 1;
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(NullableSerializer.readMarker(source) ? elementSerializer.deserialize(source) : null);
        }
        return list;
    }

    @Override
    public List<T> copy(List<T> from) {
        if (from == null) {
            return null;
        }
        List<T> copy = new ArrayList<>(from.size());
        for (T element : from) {
            copy.add(element == null ? null : elementSerializer.copy(element));
        }
        return copy;
    }

    @Override
    public TypeSerializer<List<T>> duplicate() {
        TypeSerializer<T> duplicate = elementSerializer.duplicate();
        return duplicate == elementSerializer ? this : new ListSerializer<>(duplicate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListSerializer && ((ListSerializer<?>) o).elementSerializer.equals(elementSerializer);
    }

    @Override
    public int hashCode() {
        return 17 + elementSerializer.hashCode();
    }
}
