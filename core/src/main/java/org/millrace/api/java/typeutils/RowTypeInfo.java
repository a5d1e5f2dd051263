package org.millrace.api.java.typeutils;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.CompositeType;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.runtime.RowSerializer;
import org.millrace.types.Row;

/**
 * Type information for {@link Row}s: one type per position and a name per position (by default
 * {@code f0, f1, ...}). Row fields may be null. Created with {@code Types.ROW(...)} or
 * {@code Types.ROW_NAMED(...)}.
 */
public final class RowTypeInfo extends CompositeType<Row> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?>[] types;
    private final String[] fieldNames;

    /** A row type with fields named {@code f0, f1, ...}. */
    public RowTypeInfo(TypeInformation<?>... types) {
        this(types, defaultNames(types.length));
    }

    /** A row type with the given field types and names (same length, names unique). */
    public RowTypeInfo(TypeInformation<?>[] types, String[] fieldNames) {
        super(Row.class);
        if (types.length != fieldNames.length) {
            throw new IllegalArgumentException(
                    "A row type needs one name per field: " + types.length + " types but " + fieldNames.length + " names");
        }
        Set<String> unique = new HashSet<>();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null || fieldNames[i] == null) {
                throw new NullPointerException("Row field " + i + " has no type or no name");
            }
            if (!unique.add(fieldNames[i])) {
                throw new IllegalArgumentException("Row field name '" + fieldNames[i] + "' is used twice");
            }
        }
        this.types = types.clone();
        this.fieldNames = fieldNames.clone();
    }

    private static String[] defaultNames(int arity) {
        String[] names = new String[arity];
        for (int i = 0; i < arity; i++) {
            names[i] = "f" + i;
        }
        return names;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        return (TypeInformation<X>) types[pos];
    }

    /** All field types in position order. */
    public TypeInformation<?>[] getFieldTypes() {
        return types.clone();
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
    public TypeSerializer<Row> createSerializer() {
        TypeSerializer<?>[] fieldSerializers = new TypeSerializer<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            fieldSerializers[i] = types[i].createSerializer();
        }
        return new RowSerializer(fieldSerializers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowTypeInfo
                && Arrays.equals(((RowTypeInfo) o).types, types)
                && Arrays.equals(((RowTypeInfo) o).fieldNames, fieldNames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(types) + Arrays.hashCode(fieldNames);
    }

    /** Formats as {@code Row(f0: String, f1: Integer)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row(");
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fieldNames[i]).append(": ").append(types[i]);
        }
        return sb.append(')').toString();
    }
}
