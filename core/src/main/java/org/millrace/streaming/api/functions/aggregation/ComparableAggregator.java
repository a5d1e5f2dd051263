package org.millrace.streaming.api.functions.aggregation;

import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.FieldAccessor;

/**
 * {@code min/max} (the running record with the field replaced by the extreme value) and
 * {@code minBy/maxBy} (the whole record holding the extreme value; the earlier one on ties).
 */
public final class ComparableAggregator<T> implements InPlaceReduceFunction<T> {

    private static final long serialVersionUID = 1L;

    /** Which aggregation. */
    public enum Kind { MIN, MAX, MIN_BY, MAX_BY }

    private final FieldAccessor<T, Object> accessor;
    private final Kind kind;
    private final TypeSerializer<T> copier;

    public ComparableAggregator(FieldAccessor<T, Object> accessor, Kind kind, TypeSerializer<T> copier) {
        this.accessor = accessor;
        this.kind = kind;
        this.copier = copier;
    }

    @Override
    public T reduce(T value1, T value2) {
        return combine(value1, value2, true);
    }

    @Override
    public T reduceInPlace(T accumulator, T value) {
        return combine(accumulator, value, false);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private T combine(T value1, T value2, boolean copy) {
        Object f1 = accessor.get(value1);
        Object f2 = accessor.get(value2);
        if (!(f1 instanceof Comparable c1)) {
            throw new InvalidProgramException(kind + " needs a comparable field, but the field holds a "
                    + (f1 == null ? "null" : f1.getClass().getName()));
        }
        int cmp = c1.compareTo(f2);
        switch (kind) {
            case MIN:
                return accessor.set(copy ? copier.copy(value1) : value1, cmp <= 0 ? f1 : f2);
            case MAX:
                return accessor.set(copy ? copier.copy(value1) : value1, cmp >= 0 ? f1 : f2);
            case MIN_BY:
                return cmp <= 0 ? value1 : value2;
            case MAX_BY:
                return cmp >= 0 ? value1 : value2;
            default:
                throw new IllegalStateException(kind.toString());
        }
    }
}
