package org.millrace.api.java.typeutils;

import java.util.Arrays;
import org.millrace.api.common.typeinfo.BasicTypeInfo;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.CompositeType;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.tuple.Tuple;
import org.millrace.api.java.typeutils.runtime.TupleSerializer;

/**
 * Type information for {@link Tuple} classes: the tuple class (a {@code TupleN} or a subclass of
 * one) and the type of each field {@code f0..fN}. Obtain one with {@code Types.TUPLE(...)}, a
 * {@link org.millrace.api.common.typeinfo.TypeHint}, or from the type extractor.
 */
public final class TupleTypeInfo<T extends Tuple> extends CompositeType<T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?>[] types;
    private final String[] fieldNames;

    /** Type information for the plain {@code TupleN} class with {@code types.length} fields. */
    @SuppressWarnings("unchecked")
    public TupleTypeInfo(TypeInformation<?>... types) {
        this((Class<T>) Tuple.getTupleClass(types.length), types);
    }

    /** Type information for {@code tupleClass} (a {@code TupleN} or a subclass) with the given field types. */
    public TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>... types) {
        super(tupleClass);
        if (types.length < 1 || types.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("A tuple has 1 to " + Tuple.MAX_ARITY + " fields, not " + types.length);
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException("The type of tuple field f" + i + " is null");
            }
        }
        this.types = types.clone();
        this.fieldNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            fieldNames[i] = "f" + i;
        }
    }

    /** A plain tuple type whose fields are the basic types of the given classes (e.g. String, Integer). */
    public static <X extends Tuple> TupleTypeInfo<X> getBasicTupleTypeInfo(Class<?>... basicTypes) {
        TypeInformation<?>[] infos = new TypeInformation<?>[basicTypes.length];
        for (int i = 0; i < basicTypes.length; i++) {
            infos[i] = BasicTypeInfo.getInfoFor(basicTypes[i]);
            if (infos[i] == null) {
                throw new IllegalArgumentException(basicTypes[i].getName() + " is not a basic type");
            }
        }
        return new TupleTypeInfo<>(infos);
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        return (TypeInformation<X>) types[pos];
    }

    @Override
    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    @Override
    public int getFieldIndex(String fieldName) {
        for (int i = 0; i < fieldNames.length; i++) {
            if (fieldNames[i].equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean isKeyType() {
        for (TypeInformation<?> type : types) {
            if (!type.isKeyType()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        TypeSerializer<?>[] fieldSerializers = new TypeSerializer<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            fieldSerializers[i] = types[i].createSerializer();
        }
        return new TupleSerializer<>(getTypeClass(), fieldSerializers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleTypeInfo
                && ((TupleTypeInfo<?>) o).getTypeClass() == getTypeClass()
                && Arrays.equals(((TupleTypeInfo<?>) o).types, types);
    }

    @Override
    public int hashCode() {
        return 31 * getTypeClass().getName().hashCode() + Arrays.hashCode(types);
    }

    /** Formats as {@code Tuple2<String, Integer>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getTypeClass().getSimpleName()).append('<');
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(types[i]);
        }
        return sb.append('>').toString();
    }
}
