package org.millrace.streaming.api.functions.aggregation;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.api.java.typeutils.FieldAccessor;

/**
 * {@code sum(field)}: adds the field of each new record to the running value. The result is a copy
 * of the running record, so records already emitted downstream are never changed afterwards.
 */
public final class SumAggregator<T> implements InPlaceReduceFunction<T> {

    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T, Object> accessor;
    private final TypeSerializer<T> copier;

    public SumAggregator(FieldAccessor<T, Object> accessor, TypeSerializer<T> copier) {
        this.accessor = accessor;
        this.copier = copier;
    }

    @Override
    public T reduce(T value1, T value2) {
        Object sum = add(accessor.get(value1), accessor.get(value2));
        return accessor.set(copier.copy(value1), sum);
    }

    @Override
    public T reduceInPlace(T accumulator, T value) {
        return accessor.set(accumulator, add(accessor.get(accumulator), accessor.get(value)));
    }

    static Object add(Object a, Object b) {
        if (a instanceof Integer x) {
            return x + (Integer) b;
        } else if (a instanceof Long x) {
            return x + (Long) b;
        } else if (a instanceof Double x) {
            return x + (Double) b;
        } else if (a instanceof Float x) {
            return x + (Float) b;
        } else if (a instanceof Short x) {
            return (short) (x + (Short) b);
        } else if (a instanceof Byte x) {
            return (byte) (x + (Byte) b);
        } else if (a instanceof BigInteger x) {
            return x.add((BigInteger) b);
        } else if (a instanceof BigDecimal x) {
            return x.add((BigDecimal) b);
        }
        throw new InvalidProgramException("sum() needs a numeric field, but the field holds a "
                + (a == null ? "null" : a.getClass().getName()));
    }
}
