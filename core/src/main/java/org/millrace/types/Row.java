package org.millrace.types;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record with a fixed number of positional, untyped fields (which may be null) and a
 * {@link RowKind}. Its field types are declared separately with {@code Types.ROW(...)}; unlike a
 * tuple, a row's arity is chosen at run time and is not limited to ten.
 */
public final class Row implements Serializable {

    private static final long serialVersionUID = 1L;

    private RowKind kind;
    private final Object[] fields;

    /** A row of {@code arity} null fields and kind {@link RowKind#INSERT}. */
    public Row(int arity) {
        this(RowKind.INSERT, arity);
    }

    /** A row of {@code arity} null fields and the given kind. */
    public Row(RowKind kind, int arity) {
        this.kind = Objects.requireNonNull(kind, "row kind");
        this.fields = new Object[arity];
    }

    /** An insert row holding {@code values} (the array is copied). */
    public static Row of(Object... values) {
        return ofKind(RowKind.INSERT, values);
    }

    /** A row of the given kind holding {@code values} (the array is copied). */
    public static Row ofKind(RowKind kind, Object... values) {
        Row row = new Row(kind, values.length);
        System.arraycopy(values, 0, row.fields, 0, values.length);
        return row;
    }

    /** A shallow copy: same kind, same field references. */
    public static Row copy(Row row) {
        return ofKind(row.kind, row.fields);
    }

    public int getArity() {
        return fields.length;
    }

    public RowKind getKind() {
        return kind;
    }

    public void setKind(RowKind kind) {
        this.kind = Objects.requireNonNull(kind, "row kind");
    }

    /** The field at {@code pos}; throws {@link IndexOutOfBoundsException} for a bad position. */
    public Object getField(int pos) {
        return fields[pos];
    }

    /** The field at {@code pos}, cast to the caller's type. */
    @SuppressWarnings("unchecked")
    public <T> T getFieldAs(int pos) {
        return (T) fields[pos];
    }

    public void setField(int pos, Object value) {
        fields[pos] = value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row)) {
            return false;
        }
        Row other = (Row) o;
        return kind == other.kind && Arrays.deepEquals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        // the kind's byte, not its identity hash, so the hash is the same on every JVM
        return 31 * kind.toByteValue() + Arrays.deepHashCode(fields);
    }

    /** Formats as {@code +I[a, 1]}: the kind's short string, then the fields (arrays by content). */
    @Override
    public String toString() {
        String content = Arrays.deepToString(fields);
        return kind.shortString() + content;
    }
}
