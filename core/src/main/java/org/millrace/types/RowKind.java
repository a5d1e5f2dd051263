package org.millrace.types;

/**
 * What a {@link Row} means in a changelog: an insertion, the old or new image of an update, or a
 * deletion. Plain (append-only) streams only ever use {@link #INSERT}.
 */
public enum RowKind {
    INSERT("+I", (byte) 0),
    UPDATE_BEFORE("-U", (byte) 1),
    UPDATE_AFTER("+U", (byte) 2),
    DELETE("-D", (byte) 3);

    private static final RowKind[] BY_VALUE = {INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE};

    private final String shortString;
    private final byte value;

    RowKind(String shortString, byte value) {
        this.shortString = shortString;
        this.value = value;
    }

    /** The two-character form used by {@link Row#toString()}, e.g. {@code +I}. */
    public String shortString() {
        return shortString;
    }

    /** The stable byte written by serializers. */
    public byte toByteValue() {
        return value;
    }

    /** The kind for a byte written by {@link #toByteValue()}. */
    public static RowKind fromByteValue(byte value) {
        if (value < 0 || value >= BY_VALUE.length) {
            throw new IllegalArgumentException("Unknown row kind byte " + value);
        }
        return BY_VALUE[value];
    }
}
