package org.millrace.api.java.tuple;

/**
 * A tuple with 1 field, f0: the typed record for keyed and
 * aggregated streams without declaring a class. See {@link Tuple}.
 */
public class Tuple1<T0> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** An empty tuple; all fields are null. */
    public Tuple1() {}

    /** A tuple holding the given values. */
    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    /** Creates a tuple holding the given values. */
    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0) {
        this.f0 = f0;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0: return (T) this.f0;
            default: throw outOfRange(pos, 1);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0: this.f0 = (T0) value; break;
            default: throw outOfRange(pos, 1);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple1<T0> copy() {
        return new Tuple1<>(f0);
    }

    @Override
    public String toString() {
        return "(" + fieldToString(f0) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple1)) {
            return false;
        }
        Tuple1<?> other = (Tuple1<?>) o;
        if (f0 != null ? !f0.equals(other.f0) : other.f0 != null) {
            return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int result = f0 != null ? f0.hashCode() : 0;
        return result;
    }
}
