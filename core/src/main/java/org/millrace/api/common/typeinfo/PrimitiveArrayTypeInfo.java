package org.millrace.api.common.typeinfo;

import java.io.ObjectStreamException;
import java.util.HashMap;
import java.util.Map;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.base.array.BooleanPrimitiveArraySerializer;
import org.millrace.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.millrace.api.common.typeutils.base.array.CharPrimitiveArraySerializer;
import org.millrace.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import org.millrace.api.common.typeutils.base.array.FloatPrimitiveArraySerializer;
import org.millrace.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import org.millrace.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.millrace.api.common.typeutils.base.array.ShortPrimitiveArraySerializer;

/**
 * Type information for arrays of a primitive type ({@code byte[]}, {@code int[]}, ...), each
 * written with a bulk serializer and no per-element overhead. Arrays are not key types (their
 * {@code hashCode} is identity-based).
 */
public final class PrimitiveArrayTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private static final Map<Class<?>, PrimitiveArrayTypeInfo<?>> BY_CLASS = new HashMap<>();

    public static final PrimitiveArrayTypeInfo<boolean[]> BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO =
            register(boolean[].class, BooleanPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<byte[]> BYTE_PRIMITIVE_ARRAY_TYPE_INFO =
            register(byte[].class, BytePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<short[]> SHORT_PRIMITIVE_ARRAY_TYPE_INFO =
            register(short[].class, ShortPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<int[]> INT_PRIMITIVE_ARRAY_TYPE_INFO =
            register(int[].class, IntPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<long[]> LONG_PRIMITIVE_ARRAY_TYPE_INFO =
            register(long[].class, LongPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<float[]> FLOAT_PRIMITIVE_ARRAY_TYPE_INFO =
            register(float[].class, FloatPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<double[]> DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO =
            register(double[].class, DoublePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<char[]> CHAR_PRIMITIVE_ARRAY_TYPE_INFO =
            register(char[].class, CharPrimitiveArraySerializer.INSTANCE);

    private final Class<T> arrayClass;
    private final transient TypeSerializer<T> serializer;

    private PrimitiveArrayTypeInfo(Class<T> arrayClass, TypeSerializer<T> serializer) {
        this.arrayClass = arrayClass;
        this.serializer = serializer;
    }

    private static <T> PrimitiveArrayTypeInfo<T> register(Class<T> arrayClass, TypeSerializer<T> serializer) {
        PrimitiveArrayTypeInfo<T> info = new PrimitiveArrayTypeInfo<>(arrayClass, serializer);
        BY_CLASS.put(arrayClass, info);
        return info;
    }

    /** The type for {@code arrayClass} (e.g. {@code int[].class}), or null if it is not a primitive array. */
    @SuppressWarnings("unchecked")
    public static <X> PrimitiveArrayTypeInfo<X> getInfoFor(Class<X> arrayClass) {
        return (PrimitiveArrayTypeInfo<X>) BY_CLASS.get(arrayClass);
    }

    @Override
    public Class<T> getTypeClass() {
        return arrayClass;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        return serializer;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    private Object readResolve() throws ObjectStreamException {
        return BY_CLASS.get(arrayClass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrimitiveArrayTypeInfo && ((PrimitiveArrayTypeInfo<?>) o).arrayClass == arrayClass;
    }

    @Override
    public int hashCode() {
        return arrayClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return arrayClass.getComponentType().getName() + "[]";
    }
}
