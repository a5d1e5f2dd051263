package org.millrace.api.java.typeutils;

import java.lang.reflect.Array;
import java.util.Objects;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.base.GenericArraySerializer;

/**
 * Type information for arrays of non-basic objects (POJOs, tuples, rows, nested arrays); each
 * element is written with the component type's serializer. Elements may be null.
 */
public final class ObjectArrayTypeInfo<T, C> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> arrayClass;
    private final TypeInformation<C> componentInfo;

    private ObjectArrayTypeInfo(Class<T> arrayClass, TypeInformation<C> componentInfo) {
        this.arrayClass = arrayClass;
        this.componentInfo = componentInfo;
    }

    /** The type of arrays whose elements have type {@code componentInfo}. */
    @SuppressWarnings("unchecked")
    public static <T, C> ObjectArrayTypeInfo<T, C> getInfoFor(TypeInformation<C> componentInfo) {
        Objects.requireNonNull(componentInfo);
        Class<T> arrayClass = (Class<T>) Array.newInstance(componentInfo.getTypeClass(), 0).getClass();
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    public TypeInformation<C> getComponentInfo() {
        return componentInfo;
    }

    @Override
    public Class<T> getTypeClass() {
        return arrayClass;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer() {
        return (TypeSerializer<T>) new GenericArraySerializer<>(componentInfo.getTypeClass(), componentInfo.createSerializer());
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectArrayTypeInfo && ((ObjectArrayTypeInfo<?, ?>) o).componentInfo.equals(componentInfo);
    }

    @Override
    public int hashCode() {
        return 31 * componentInfo.hashCode() + 1;
    }

    @Override
    public String toString() {
        return componentInfo + "[]";
    }
}
