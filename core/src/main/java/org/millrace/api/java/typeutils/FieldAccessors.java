package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;

/** Skeleton: creates {@link FieldAccessor}s from positions or field expressions. */
public final class FieldAccessors {

    private FieldAccessors() {}

    /**
     * Accessor for field {@code position} of a tuple or row ({@code 0} for an atomic type means the
     * value itself). Throws {@link org.millrace.api.common.InvalidProgramException} naming the
     * position and the type when it does not exist.
     */
    public static <T, F> FieldAccessor<T, F> forPosition(TypeInformation<T> type, int position) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Accessor for a named field: a POJO field, {@code "f0"}..{@code "f9"} of a tuple, or {@code "*"}
     * for an atomic value itself. Throws {@link org.millrace.api.common.InvalidProgramException}
     * naming the field and the type when it does not exist.
     */
    public static <T, F> FieldAccessor<T, F> forExpression(TypeInformation<T> type, String field) {
        throw new UnsupportedOperationException("not built yet");
    }
}
