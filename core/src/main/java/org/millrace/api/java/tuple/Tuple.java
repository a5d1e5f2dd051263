package org.millrace.api.java.tuple;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The common base of {@link Tuple1} .. {@link Tuple10}: fixed-arity records with public, typed
 * fields {@code f0..fN}. Tuples are mutable on purpose (operators may reuse them) and their
 * {@code equals}/{@code hashCode}/{@code toString} match Flink's, so keys hash to the same key groups
 * and printed output looks the same after porting a job.
 *
 * <p>Fields must not be null when a tuple is serialized with a typed tuple serializer.
 */
public abstract class Tuple implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest arity with a tuple class. */
    public static final int MAX_ARITY = 10;

    private static final Class<?>[] CLASSES = {
        Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class, Tuple5.class,
        Tuple6.class, Tuple7.class, Tuple8.class, Tuple9.class, Tuple10.class
    };

    /** The number of fields. */
    public abstract int getArity();

    /** The value of field {@code pos}; throws {@link IndexOutOfBoundsException} for a bad position. */
    public abstract <T> T getField(int pos);

    /** Sets field {@code pos}; throws {@link IndexOutOfBoundsException} for a bad position. */
    public abstract <T> void setField(T value, int pos);

    /** A shallow copy: a new tuple of the same class holding the same field references. */
    public abstract <T extends Tuple> T copy();

    /** The value of field {@code pos}, failing with a message naming the field if it is null. */
    public <T> T getFieldNotNull(int pos) {
        T value = getField(pos);
        if (value == null) {
            throw new NullPointerException("Field f" + pos + " of " + getClass().getSimpleName() + " is null");
        }
        return value;
    }

    /** The tuple class with {@code arity} fields. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        checkArity(arity);
        return (Class<? extends Tuple>) CLASSES[arity - 1];
    }

    /** A new, empty tuple with {@code arity} fields (no reflection). */
    public static Tuple newInstance(int arity) {
        switch (arity) {
            case 1: return new Tuple1<>();
            case 2: return new Tuple2<>();
            case 3: return new Tuple3<>();
            case 4: return new Tuple4<>();
            case 5: return new Tuple5<>();
            case 6: return new Tuple6<>();
            case 7: return new Tuple7<>();
            case 8: return new Tuple8<>();
            case 9: return new Tuple9<>();
            case 10: return new Tuple10<>();
            default:
                checkArity(arity);
                throw new AssertionError(arity);
        }
    }

    private static void checkArity(int arity) {
        if (arity < 1 || arity > MAX_ARITY) {
            throw new IllegalArgumentException("Tuple arity must be between 1 and " + MAX_ARITY + " but was " + arity);
        }
    }

    /** Formats one field for {@code toString}: arrays by content, null as "null". */
    static String fieldToString(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            String s = Arrays.deepToString(new Object[] {value});
            return s.substring(1, s.length() - 1);
        }
        return value.toString();
    }

    /** The exception for a position outside {@code [0, arity)}. */
    static IndexOutOfBoundsException outOfRange(int pos, int arity) {
        return new IndexOutOfBoundsException("Field position " + pos + " is out of range for a tuple of arity " + arity);
    }
}
