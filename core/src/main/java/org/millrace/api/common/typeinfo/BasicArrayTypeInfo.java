package org.millrace.api.common.typeinfo;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.common.typeutils.base.GenericArraySerializer;

/**
 * Type information for arrays of a {@link BasicTypeInfo basic type} ({@code String[]},
 * {@code Integer[]}, ...). Elements may be null.
 */
public final class BasicArrayTypeInfo<T, C> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final BasicArrayTypeInfo<String[], String> STRING_ARRAY_TYPE_INFO = of(BasicTypeInfo.STRING_TYPE_INFO);
    public static final BasicArrayTypeInfo<Boolean[], Boolean> BOOLEAN_ARRAY_TYPE_INFO = of(BasicTypeInfo.BOOLEAN_TYPE_INFO);
    public static final BasicArrayTypeInfo<Byte[], Byte> BYTE_ARRAY_TYPE_INFO = of(BasicTypeInfo.BYTE_TYPE_INFO);
    public static final BasicArrayTypeInfo<Short[], Short> SHORT_ARRAY_TYPE_INFO = of(BasicTypeInfo.SHORT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Integer[], Integer> INT_ARRAY_TYPE_INFO = of(BasicTypeInfo.INT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Long[], Long> LONG_ARRAY_TYPE_INFO = of(BasicTypeInfo.LONG_TYPE_INFO);
    public static final BasicArrayTypeInfo<Float[], Float> FLOAT_ARRAY_TYPE_INFO = of(BasicTypeInfo.FLOAT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Double[], Double> DOUBLE_ARRAY_TYPE_INFO = of(BasicTypeInfo.DOUBLE_TYPE_INFO);
    public static final BasicArrayTypeInfo<Character[], Character> CHAR_ARRAY_TYPE_INFO = of(BasicTypeInfo.CHAR_TYPE_INFO);
    public static final BasicArrayTypeInfo<BigInteger[], BigInteger> BIG_INT_ARRAY_TYPE_INFO = of(BasicTypeInfo.BIG_INT_TYPE_INFO);
    public static final BasicArrayTypeInfo<BigDecimal[], BigDecimal> BIG_DEC_ARRAY_TYPE_INFO = of(BasicTypeInfo.BIG_DEC_TYPE_INFO);

    private final Class<T> arrayClass;
    private final BasicTypeInfo<C> componentInfo;

    private BasicArrayTypeInfo(Class<T> arrayClass, BasicTypeInfo<C> componentInfo) {
        this.arrayClass = arrayClass;
        this.componentInfo = componentInfo;
    }

    /** The array type whose elements have the given basic type. */
    @SuppressWarnings("unchecked")
    public static <T, C> BasicArrayTypeInfo<T, C> of(BasicTypeInfo<C> componentInfo) {
        Class<T> arrayClass = (Class<T>) Array.newInstance(componentInfo.getTypeClass(), 0).getClass();
        return new BasicArrayTypeInfo<>(arrayClass, componentInfo);
    }

    public BasicTypeInfo<C> getComponentInfo() {
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
        return o instanceof BasicArrayTypeInfo && ((BasicArrayTypeInfo<?, ?>) o).componentInfo.equals(componentInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(BasicArrayTypeInfo.class.getName(), componentInfo);
    }

    @Override
    public String toString() {
        return componentInfo + "[]";
    }
}
