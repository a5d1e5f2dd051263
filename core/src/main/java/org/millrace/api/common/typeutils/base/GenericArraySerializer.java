package org.millrace.api.common.typeutils.base;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.VarInts;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Writes an array of objects ({@code String[]}, {@code Integer[]}, arrays of POJOs or tuples) as a
 * varint {@code length + 1} ({@code 0} = null array), then per element a null marker and the value
 * in the component serializer's format.
 */
public final class GenericArraySerializer<C> extends TypeSerializer<C[]> {

    private static final long serialVersionUID = 1L;

    private final Class<C> componentClass;
    private final TypeSerializer<C> componentSerializer;

    public GenericArraySerializer(Class<C> componentClass, TypeSerializer<C> componentSerializer) {
        this.componentClass = Objects.requireNonNull(componentClass);
        this.componentSerializer = Objects.requireNonNull(componentSerializer);
    }

    public TypeSerializer<C> getComponentSerializer() {
        return componentSerializer;
    }

    @Override
    public void serialize(C[] record, DataOutputView target) throws IOException {
        if (record == null) {
            VarInts.write(target, 0);
            return;
        }
        VarInts.write(target, record.length + 1);
        for (C element : record) {
            if (NullableSerializer.writeMarker(element, target)) {
                componentSerializer.serialize(element, target);
            }
        }
    }

    @Override
    public C[] deserialize(DataInputView source) throws IOException {
        int header = VarInts.read(source);
        if (header == 0) {
            return null;
        }
        C[] array = newArray(header - 1);
        for (int i = 0; i < array.length; i++) {
            array[i] = NullableSerializer.readMarker(source) ? componentSerializer.deserialize(source) : null;
        }
        return array;
    }

    @Override
    public C[] copy(C[] from) {
        if (from == null) {
            return null;
        }
        C[] copy = newArray(from.length);
        for (int i = 0; i < from.length; i++) {
            copy[i] = from[i] == null ? null : componentSerializer.copy(from[i]);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private C[] newArray(int length) {
        return (C[]) Array.newInstance(componentClass, length);
    }

    @Override
    public TypeSerializer<C[]> duplicate() {
        TypeSerializer<C> duplicate = componentSerializer.duplicate();
        return duplicate == componentSerializer ? this : new GenericArraySerializer<>(componentClass, duplicate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericArraySerializer
                && ((GenericArraySerializer<?>) o).componentClass == componentClass
                && ((GenericArraySerializer<?>) o).componentSerializer.equals(componentSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * componentClass.getName().hashCode() + componentSerializer.hashCode();
    }
}
