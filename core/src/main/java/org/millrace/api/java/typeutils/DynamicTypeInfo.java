package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.DynamicSerializer;

/**
 * The type of values known only at run time, typically the output of a lambda whose generic result
 * type Java erased. Each value is written with a one-byte tag naming its class (see
 * {@link DynamicSerializer}), so any value works, at the cost of that tag and of run-time dispatch.
 * Declaring the type with {@code .returns(...)} replaces it with a typed serializer.
 */
public final class DynamicTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> getTypeClass() {
        return (Class<T>) Object.class;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        return new DynamicSerializer<>();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamicTypeInfo;
    }

    @Override
    public int hashCode() {
        return DynamicTypeInfo.class.getName().hashCode();
    }

    @Override
    public String toString() {
        return "DynamicType";
    }
}
