package org.millrace.api.java.tuple;

/**
 * A tuple with 3 fields, f0, f1, f2: the typed record for keyed and
 * aggregated streams without declaring a class. See {@link Tuple}.
 */
public class Tuple3<T0, T1, T2> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** Field 1. */
    public T1 f1;

    /** Field 2. */
    public T2 f2;

    /** An empty tuple; all fields are null. */
    public Tuple3() {}

    /** A tuple holding the given values. */
    public Tuple3(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    /** Creates a tuple holding the given values. */
    public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
        return new Tuple3<>(f0, f1, f2);
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    @Override
    public int getArity() {
        return 3;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0: return (T) this.f0;
            case 1: return (T) this.f1;
            case 2: return (T) this.f2;
            default: throw outOfRange(pos, 3);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0: this.f0 = (T0) value; break;
            case 1: this.f1 = (T1) value; break;
            case 2: this.f2 = (T2) value; break;
            default: throw outOfRange(pos, 3);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple3<T0, T1, T2> copy() {
        return new Tuple3<>(f0, f1, f2);
    }

    @Override
    public String toString() {
        return "(" + fieldToString(f0) + "," + fieldToString(f1) + "," + fieldToString(f2) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple3)) {
            return false;
        }
        Tuple3<?, ?, ?> other = (Tuple3<?, ?, ?>) o;
        if (f0 != null ? !f0.equals(other.f0) : other.f0 != null) {
            return false;
        }
        if (f1 != null ? !f1.equals(other.f1) : other.f1 != null) {
            return false;
        }
        if (f2 != null ? !f2.equals(other.f2) : other.f2 != null) {
            return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int result = f0 != null ? f0.hashCode() : 0;
        result = 31 * result + (f1 != null ? f1.hashCode() : 0);
        result = 31 * result + (f2 != null ? f2.hashCode() : 0);
        return result;
    }
}
