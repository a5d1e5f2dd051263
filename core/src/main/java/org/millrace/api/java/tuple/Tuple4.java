package org.millrace.api.java.tuple;

/**
 * A tuple with 4 fields, f0, f1, f2, f3: the typed record for keyed and
 * aggregated streams without declaring a class. See {@link Tuple}.
 */
public class Tuple4<T0, T1, T2, T3> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** Field 1. */
    public T1 f1;

    /** Field 2. */
    public T2 f2;

    /** Field 3. */
    public T3 f3;

    /** An empty tuple; all fields are null. */
    public Tuple4() {}

    /** A tuple holding the given values. */
    public Tuple4(T0 f0, T1 f1, T2 f2, T3 f3) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    /** Creates a tuple holding the given values. */
    public static <T0, T1, T2, T3> Tuple4<T0, T1, T2, T3> of(T0 f0, T1 f1, T2 f2, T3 f3) {
        return new Tuple4<>(f0, f1, f2, f3);
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    @Override
    public int getArity() {
        return 4;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0: return (T) this.f0;
            case 1: return (T) this.f1;
            case 2: return (T) this.f2;
            case 3: return (T) this.f3;
            default: throw outOfRange(pos, 4);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0: this.f0 = (T0) value; break;
            case 1: this.f1 = (T1) value; break;
            case 2: this.f2 = (T2) value; break;
            case 3: this.f3 = (T3) value; break;
            default: throw outOfRange(pos, 4);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple4<T0, T1, T2, T3> copy() {
        return new Tuple4<>(f0, f1, f2, f3);
    }

    @Override
    public String toString() {
        return "(" + fieldToString(f0) + "," + fieldToString(f1) + "," + fieldToString(f2) + "," + fieldToString(f3) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple4)) {
            return false;
        }
        Tuple4<?, ?, ?, ?> other = (Tuple4<?, ?, ?, ?>) o;
        if (f0 != null ? !f0.equals(other.f0) : other.f0 != null) {
            return false;
        }
        if (f1 != null ? !f1.equals(other.f1) : other.f1 != null) {
            return false;
        }
        if (f2 != null ? !f2.equals(other.f2) : other.f2 != null) {
            return false;
        }
        if (f3 != null ? !f3.equals(other.f3) : other.f3 != null) {
            return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int result = f0 != null ? f0.hashCode() : 0;
        result = 31 * result + (f1 != null ? f1.hashCode() : 0);
        result = 31 * result + (f2 != null ? f2.hashCode() : 0);
        result = 31 * result + (f3 != null ? f3.hashCode() : 0);
        return result;
    }
}
