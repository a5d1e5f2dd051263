package org.millrace.api.java.typeutils;

import java.util.Arrays;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeutils.CompositeType;

/**
 * Creates {@link FieldAccessor}s from positions or field expressions, checking them against the
 * type when the graph is built so that a bad field fails the job before it runs.
 *
 * <p>Expressions: {@code "*"} (or {@code "_"}) is the whole value; {@code "f0".."f9"} or {@code "0"}
 * select tuple and row positions; other names select POJO fields or named row fields; a dot
 * selects inside a field ({@code "f1.name"}). Values of {@link DynamicTypeInfo} are resolved on
 * each record's class at run time.
 */
public final class FieldAccessors {

    private FieldAccessors() {}

    /**
     * Accessor for field {@code position} of a tuple or row ({@code 0} for an atomic type means the
     * value itself). Throws {@link org.millrace.api.common.InvalidProgramException} naming the
     * position and the type when it does not exist.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, F> FieldAccessor<T, F> forPosition(TypeInformation<T> type, int position) {
        if (type instanceof DynamicTypeInfo) {
            if (position < 0) {
                throw outOfRange(position, type, -1);
            }
            return DynamicFieldAccessor.forPosition(position);
        }
        if (type instanceof TupleTypeInfo || type instanceof RowTypeInfo) {
            CompositeType<T> composite = (CompositeType<T>) type;
            if (position < 0 || position >= composite.getArity()) {
                throw outOfRange(position, type, composite.getArity());
            }
            TypeInformation<F> fieldType = composite.getTypeAt(position);
            return type instanceof TupleTypeInfo
                    ? (FieldAccessor<T, F>) new TupleFieldAccessor(position, fieldType)
                    : (FieldAccessor<T, F>) new RowFieldAccessor<>(position, fieldType);
        }
        if (type instanceof CompositeType) {
            throw new InvalidProgramException("Field positions are not supported for type " + type
                    + "; select a field by name, one of " + Arrays.toString(((CompositeType<?>) type).getFieldNames()));
        }
        if (position != 0) {
            throw new InvalidProgramException("Field position " + position + " is out of range for type " + type
                    + " (an atomic type: only position 0, the value itself, can be selected)");
        }
        return (FieldAccessor<T, F>) new SelfFieldAccessor<>(type);
    }

    /**
     * Accessor for a named field: a POJO field, {@code "f0"}..{@code "f9"} of a tuple, or {@code "*"}
     * for an atomic value itself. Throws {@link org.millrace.api.common.InvalidProgramException}
     * naming the field and the type when it does not exist.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, F> FieldAccessor<T, F> forExpression(TypeInformation<T> type, String field) {
        if (field == null || field.trim().isEmpty()) {
            throw new InvalidProgramException("An empty field expression was given for type " + type);
        }
        String expression = field.trim();
        if (expression.equals("*") || expression.equals("_")) {
            return (FieldAccessor<T, F>) new SelfFieldAccessor<>(type);
        }
        int dot = expression.indexOf('.');
        if (dot >= 0) {
            FieldAccessor<T, Object> outer = forExpression(type, expression.substring(0, dot));
            FieldAccessor<Object, F> inner = forExpression(outer.getFieldType(), expression.substring(dot + 1));
            return new NestedFieldAccessor<>(outer, inner);
        }
        if (type instanceof DynamicTypeInfo) {
            return DynamicFieldAccessor.forName(expression);
        }
        if (type instanceof PojoTypeInfo) {
            PojoTypeInfo<T> pojo = (PojoTypeInfo<T>) type;
            int index = pojo.getFieldIndex(expression);
            if (index < 0) {
                throw noSuchField(expression, type);
            }
            return new PojoFieldAccessor<>(pojo.getPojoFieldAt(index));
        }
        if (type instanceof TupleTypeInfo || type instanceof RowTypeInfo) {
            int index = ((CompositeType<T>) type).getFieldIndex(expression);
            if (index < 0) {
                index = positionOf(expression);
            }
            if (index < 0 || index >= type.getArity()) {
                throw noSuchField(expression, type);
            }
            return forPosition(type, index);
        }
        throw new InvalidProgramException("Field '" + expression + "' does not exist in type " + type
                + " (an atomic type: only \"*\", the value itself, can be selected)");
    }

    /** The position named by {@code "f3"} or {@code "3"}, or -1 if the name is not a position. */
    static int positionOf(String name) {
        String digits = name.startsWith("f") ? name.substring(1) : name;
        if (digits.isEmpty() || digits.length() > 3) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    private static InvalidProgramException outOfRange(int position, TypeInformation<?> type, int arity) {
        return new InvalidProgramException("Field position " + position + " is out of range for type " + type
                + (arity >= 0 ? " (arity " + arity + ")" : ""));
    }

    private static InvalidProgramException noSuchField(String field, TypeInformation<?> type) {
        return new InvalidProgramException("Field '" + field + "' does not exist in type " + type + "; its fields are "
                + Arrays.toString(((CompositeType<?>) type).getFieldNames()));
    }
}
