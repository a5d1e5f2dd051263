package org.millrace.api.java.tuple;

/**
 * A tuple with 2 fields, f0, f1: the typed record for keyed and
 * aggregated streams without declaring a class. See {@link Tuple}.
 */
public class Tuple2<T0, T1> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** Field 1. */
    public T1 f1;

    /** An empty tuple; all fields are null. */
    public Tuple2() {}

    /** A tuple holding the given values. */
    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    /** Creates a tuple holding the given values. */
    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    @Override
    public int getArity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0: return (T) this.f0;
            case 1: return (T) this.f1;
            default: throw outOfRange(pos, 2);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0: this.f0 = (T0) value; break;
            case 1: this.f1 = (T1) value; break;
            default: throw outOfRange(pos, 2);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple2<T0, T1> copy() {
        return new Tuple2<>(f0, f1);
    }

    /** A new tuple with the two fields swapped. */
    public Tuple2<T1, T0> swap() {
        return new Tuple2<>(f1, f0);
    }

    @Override
    public String toString() {
        return "(" + fieldToString(f0) + "," + fieldToString(f1) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple2)) {
            return false;
        }
        Tuple2<?, ?> other = (Tuple2<?, ?>) o;
        if (f0 != null ? !f0.equals(other.f0) : other.f0 != null) {
            return false;
        }
        if (f1 != null ? !f1.equals(other.f1) : other.f1 != null) {
            return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int result = f0 != null ? f0.hashCode() : 0;
        result = 31 * result + (f1 != null ? f1.hashCode() : 0);
        return result;
    }
}
