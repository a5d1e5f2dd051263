package org.millrace.api.java.typeutils;

import java.util.List;
import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.base.ListSerializer;

/** Type information for {@code java.util.List}s whose elements have one type; read back as ArrayLists. */
public final class ListTypeInfo<T> extends TypeInformation<List<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementType;

    public ListTypeInfo(TypeInformation<T> elementType) {
        this.elementType = Objects.requireNonNull(elementType);
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementType;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<List<T>> getTypeClass() {
        return (Class<List<T>>) (Class<?>) List.class;
    }

    @Override
    public TypeSerializer<List<T>> createSerializer() {
        return new ListSerializer<>(elementType.createSerializer());
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListTypeInfo && ((ListTypeInfo<?>) o).elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return 31 * elementType.hashCode() + 2;
    }

    @Override
    public String toString() {
        return "List<" + elementType + ">";
    }
}
