package org.millrace.api.java.typeutils;

import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.kryo.KryoSerializer;

/**
 * Type information for classes the type extractor cannot analyse (not POJOs, interfaces, classes
 * without a no-arg constructor): values are serialized with Kryo, which works for almost anything
 * but is slower and larger than the dedicated serializers.
 */
public final class GenericTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public GenericTypeInfo(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass);
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        return new KryoSerializer<>(typeClass);
    }

    @Override
    public boolean isKeyType() {
        return !typeClass.isArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericTypeInfo && ((GenericTypeInfo<?>) o).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "GenericType<" + typeClass.getName() + ">";
    }
}
