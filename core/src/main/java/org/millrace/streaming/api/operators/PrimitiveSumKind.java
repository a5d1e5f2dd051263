package org.millrace.streaming.api.operators;

import org.millrace.api.common.InvalidProgramException;

/**
 * The numeric field types {@code sum(field)} adds without boxing. Integral sums are kept in a
 * {@code long} and narrowed when boxed, which wraps exactly like Java arithmetic on the field's own
 * type; doubles are kept in a {@code double} and added in record order, so results equal the generic
 * reduce's.
 */
public enum PrimitiveSumKind {
    LONG, INT, SHORT, BYTE, DOUBLE;

    /** The kind for a field class, or null if the field needs the generic path. */
    public static PrimitiveSumKind of(Class<?> fieldClass) {
        if (fieldClass == Long.class || fieldClass == long.class) {
            return LONG;
        } else if (fieldClass == Integer.class || fieldClass == int.class) {
            return INT;
        } else if (fieldClass == Short.class || fieldClass == short.class) {
            return SHORT;
        } else if (fieldClass == Byte.class || fieldClass == byte.class) {
            return BYTE;
        } else if (fieldClass == Double.class || fieldClass == double.class) {
            return DOUBLE;
        }
        return null;
    }

    /** True if sums of this kind are kept as {@code double}, false if as {@code long}. */
    public boolean isFloatingPoint() {
        return this == DOUBLE;
    }

    /** A field value as the {@code long} an integral sum adds. */
    public long longOf(Object fieldValue) {
        return numberOf(fieldValue).longValue();
    }

    /** A field value as the {@code double} a floating-point sum adds. */
    public double doubleOf(Object fieldValue) {
        return numberOf(fieldValue).doubleValue();
    }

    /** The sum boxed as the field's type: {@code longSum} for integral kinds, {@code doubleSum} for DOUBLE. */
    public Object box(long longSum, double doubleSum) {
        return switch (this) {
            case LONG -> longSum;
            case INT -> (int) longSum;
            case SHORT -> (short) longSum;
            case BYTE -> (byte) longSum;
            case DOUBLE -> doubleSum;
        };
    }

    private static Number numberOf(Object fieldValue) {
        if (fieldValue == null) {
            throw new InvalidProgramException("sum() needs a numeric field, but a record's field is null");
        }
        return (Number) fieldValue;
    }
}
