package org.millrace.api.common.typeinfo;

import java.io.Serializable;
import org.millrace.api.common.typeutils.TypeSerializer;

/**
 * Describes the type of a stream's elements at graph-build time: its class, its structure
 * (arity, fields) and how to serialize it. Every {@code DataStream} carries one; operators' inputs
 * and outputs are serialized with {@link #createSerializer()}.
 */
public abstract class TypeInformation<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The class of the values; {@code Object.class} for types known only at run time. */
    public abstract Class<T> getTypeClass();

    /** A new serializer for values of this type. */
    public abstract TypeSerializer<T> createSerializer();

    /** Number of fields for composite types (tuples, POJOs, rows), 1 for atomic types. */
    public int getArity() {
        return 1;
    }

    /** True for {@code Tuple1..Tuple10} types. */
    public boolean isTupleType() {
        return false;
    }

    /** True if values of this type can be used as keys (stable equals/hashCode). */
    public boolean isKeyType() {
        return true;
    }

    /**
     * Creates type information for a class: basic types, arrays, POJOs, Avro classes, enums, or Kryo
     * for anything else. Raw tuple classes fail with an
     * {@link org.millrace.api.common.InvalidProgramException}: their field types are erased, so
     * declare them with {@link #of(TypeHint)} instead.
     */
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return org.millrace.api.java.typeutils.TypeExtractor.createTypeInfo(typeClass);
    }

    /** Creates type information from a type hint capturing generics, e.g. {@code new TypeHint<Tuple2<String, Integer>>(){}}. */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }
}
