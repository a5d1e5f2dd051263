package org.millrace.api.java.typeutils;

import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.base.EnumSerializer;

/** Type information for Java enums: constants are written as a one-byte (for small enums) ordinal. */
public final class EnumTypeInfo<E extends Enum<E>> extends TypeInformation<E> {

    private static final long serialVersionUID = 1L;

    private final Class<E> enumClass;

    public EnumTypeInfo(Class<E> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass);
    }

    @Override
    public Class<E> getTypeClass() {
        return enumClass;
    }

    @Override
    public TypeSerializer<E> createSerializer() {
        return new EnumSerializer<>(enumClass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnumTypeInfo && ((EnumTypeInfo<?>) o).enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "EnumType<" + enumClass.getName() + ">";
    }
}
