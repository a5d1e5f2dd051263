package org.millrace.api.common.typeinfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.java.tuple.Tuple;
import org.millrace.api.java.typeutils.DynamicTypeInfo;
import org.millrace.api.java.typeutils.EnumTypeInfo;
import org.millrace.api.java.typeutils.GenericTypeInfo;
import org.millrace.api.java.typeutils.ListTypeInfo;
import org.millrace.api.java.typeutils.MapTypeInfo;
import org.millrace.api.java.typeutils.ObjectArrayTypeInfo;
import org.millrace.api.java.typeutils.PojoTypeInfo;
import org.millrace.api.java.typeutils.RowTypeInfo;
import org.millrace.api.java.typeutils.TupleTypeInfo;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.types.Row;

/**
 * Short names for declaring types, e.g. {@code .returns(Types.TUPLE(Types.STRING, Types.INT))} or
 * {@code Types.ROW(Types.STRING, Types.LONG)}: the constants and factories of Flink's {@code Types}.
 */
public final class Types {

    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<Date> DATE = BasicTypeInfo.DATE_TYPE_INFO;
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;

    private Types() {}

    /** A row with fields {@code f0, f1, ...} of the given types. */
    public static TypeInformation<Row> ROW(TypeInformation<?>... types) {
        return new RowTypeInfo(types);
    }

    /** A row with the given field names and types. */
    public static TypeInformation<Row> ROW_NAMED(String[] fieldNames, TypeInformation<?>... types) {
        return new RowTypeInfo(types, fieldNames);
    }

    /** A plain tuple ({@code Tuple1..Tuple10}) with the given field types. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return new TupleTypeInfo<>(types);
    }

    /** A tuple subclass whose field types are fixed by its generic superclass, e.g. {@code class WordCount extends Tuple2<String, Integer>}. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtractor.createTypeInfo(tupleSubclass);
        if (!(info instanceof TupleTypeInfo)) {
            throw new InvalidProgramException(tupleSubclass.getName() + " is not a tuple type: " + info);
        }
        return info;
    }

    /** A POJO type; fails with the reason if {@code pojoClass} does not follow the POJO rules. */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        TypeInformation<T> info = TypeExtractor.createTypeInfo(pojoClass);
        if (!(info instanceof PojoTypeInfo)) {
            throw new InvalidProgramException(pojoClass.getName() + " is not a valid POJO type (it would be " + info
                    + "): it needs to be public with a public no-argument constructor, and every non-static, "
                    + "non-transient field must be non-final and public or have a public getter and setter. "
                    + "See the INFO log of TypeExtractor for the exact reason.");
        }
        return info;
    }

    /** A type serialized with Kryo. */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }

    /** A type known only at run time, written with a type tag per value. */
    public static <T> TypeInformation<T> DYNAMIC() {
        return new DynamicTypeInfo<>();
    }

    /** An array of a primitive type, e.g. {@code PRIMITIVE_ARRAY(Types.INT)} for {@code int[]}. */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        Class<?> boxed = elementType.getTypeClass();
        for (Class<?> arrayClass : new Class<?>[] {boolean[].class, byte[].class, short[].class, int[].class,
                long[].class, float[].class, double[].class, char[].class}) {
            PrimitiveArrayTypeInfo<?> info = PrimitiveArrayTypeInfo.getInfoFor(arrayClass);
            if (BasicTypeInfo.getInfoFor(arrayClass.getComponentType()).getTypeClass() == boxed) {
                return info;
            }
        }
        throw new InvalidProgramException(elementType + " has no primitive array type");
    }

    /** An array of objects of the given type ({@code String[]}, {@code Integer[]}, arrays of POJOs). */
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        if (elementType instanceof BasicTypeInfo) {
            return BasicArrayTypeInfo.of((BasicTypeInfo<E>) elementType);
        }
        return ObjectArrayTypeInfo.getInfoFor(elementType);
    }

    /** A {@code java.util.List} of the given element type. */
    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    /** A {@code java.util.Map} with the given key and value types. */
    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    /** An enum type. */
    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumClass) {
        return new EnumTypeInfo<>(enumClass);
    }
}
