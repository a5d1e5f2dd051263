package org.millrace.api.common.typeinfo;

import java.io.ObjectStreamException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.base.BigDecSerializer;
import org.millrace.api.common.typeutils.base.BigIntSerializer;
import org.millrace.api.common.typeutils.base.BooleanSerializer;
import org.millrace.api.common.typeutils.base.ByteSerializer;
import org.millrace.api.common.typeutils.base.CharSerializer;
import org.millrace.api.common.typeutils.base.DateSerializer;
import org.millrace.api.common.typeutils.base.DoubleSerializer;
import org.millrace.api.common.typeutils.base.FloatSerializer;
import org.millrace.api.common.typeutils.base.InstantSerializer;
import org.millrace.api.common.typeutils.base.IntSerializer;
import org.millrace.api.common.typeutils.base.LongSerializer;
import org.millrace.api.common.typeutils.base.ShortSerializer;
import org.millrace.api.common.typeutils.base.StringSerializer;

/**
 * Type information for the JDK's value types: String, the boxed primitives, BigInteger,
 * BigDecimal, Date and Instant. Each has one shared instance with a dedicated serializer; primitive
 * classes ({@code int.class}) map to their boxed type's instance.
 */
public final class BasicTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = new HashMap<>();

    public static final BasicTypeInfo<String> STRING_TYPE_INFO = register(String.class, null, StringSerializer.INSTANCE);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = register(Boolean.class, boolean.class, BooleanSerializer.INSTANCE);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = register(Byte.class, byte.class, ByteSerializer.INSTANCE);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = register(Short.class, short.class, ShortSerializer.INSTANCE);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = register(Integer.class, int.class, IntSerializer.INSTANCE);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = register(Long.class, long.class, LongSerializer.INSTANCE);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = register(Float.class, float.class, FloatSerializer.INSTANCE);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = register(Double.class, double.class, DoubleSerializer.INSTANCE);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = register(Character.class, char.class, CharSerializer.INSTANCE);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO = register(BigInteger.class, null, BigIntSerializer.INSTANCE);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO = register(BigDecimal.class, null, BigDecSerializer.INSTANCE);
    public static final BasicTypeInfo<Date> DATE_TYPE_INFO = register(Date.class, null, DateSerializer.INSTANCE);
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO = register(Instant.class, null, InstantSerializer.INSTANCE);

    private final Class<T> clazz;
    private final transient TypeSerializer<T> serializer;

    private BasicTypeInfo(Class<T> clazz, TypeSerializer<T> serializer) {
        this.clazz = clazz;
        this.serializer = serializer;
    }

    private static <T> BasicTypeInfo<T> register(Class<T> clazz, Class<?> primitive, TypeSerializer<T> serializer) {
        BasicTypeInfo<T> info = new BasicTypeInfo<>(clazz, serializer);
        BY_CLASS.put(clazz, info);
        if (primitive != null) {
            BY_CLASS.put(primitive, info);
        }
        return info;
    }

    /** The basic type for {@code type} (boxed or primitive), or null if it is not a basic type. */
    @SuppressWarnings("unchecked")
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        return (BasicTypeInfo<X>) BY_CLASS.get(type);
    }

    @Override
    public Class<T> getTypeClass() {
        return clazz;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        return serializer;
    }

    /** True for the numeric types (those that {@code sum} can add). */
    public boolean isNumeric() {
        return Number.class.isAssignableFrom(clazz);
    }

    private Object readResolve() throws ObjectStreamException {
        return BY_CLASS.get(clazz);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicTypeInfo && ((BasicTypeInfo<?>) o).clazz == clazz;
    }

    @Override
    public int hashCode() {
        return clazz.getName().hashCode();
    }

    @Override
    public String toString() {
        return clazz.getSimpleName();
    }
}
