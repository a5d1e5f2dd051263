package org.millrace.configuration;

import java.io.Serializable;
import java.util.List;

/**
 * An amount of memory in bytes, as configured by options like
 * {@code taskmanager.memory.segment-size}. Parses {@code "32kb"}, {@code "64 mb"}, {@code "1g"} and
 * bare byte counts ({@code "1024"}); units are binary (1 kb = 1024 bytes) and case-insensitive:
 * b/bytes, k/kb/kibibytes, m/mb/mebibytes, g/gb/gibibytes, t/tb/tebibytes. {@link #toString()}
 * writes the largest unit that represents the size exactly ({@code "32 kb"}), which parses back to
 * the same value.
 */
public final class MemorySize implements Serializable, Comparable<MemorySize> {

    private static final long serialVersionUID = 1L;

    public static final MemorySize ZERO = new MemorySize(0);

    /** Largest first, the order {@link #toString()} tries them in. */
    private enum Unit {
        TEBIBYTES(1L << 40, "tb", "t", "tb", "tebibytes"),
        GIBIBYTES(1L << 30, "gb", "g", "gb", "gibibytes"),
        MEBIBYTES(1L << 20, "mb", "m", "mb", "mebibytes"),
        KIBIBYTES(1L << 10, "kb", "k", "kb", "kibibytes"),
        BYTES(1L, "bytes", "", "b", "bytes");

        final long multiplier;
        final String shortName;
        final List<String> names;

        Unit(long multiplier, String shortName, String... names) {
            this.multiplier = multiplier;
            this.shortName = shortName;
            this.names = List.of(names);
        }

        static Unit named(String name) {
            for (Unit unit : values()) {
                if (unit.names.contains(name)) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("unknown memory unit '" + name + "'");
        }
    }

    private final long bytes;

    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A memory size cannot be negative: " + bytes + " bytes");
        }
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(Math.multiplyExact(mebiBytes, Unit.MEBIBYTES.multiplier));
    }

    /**
     * Parses a size such as {@code "64 mb"}.
     *
     * @throws IllegalArgumentException if the text is not a whole number with an optional known unit,
     *     or the size does not fit in a {@code long} of bytes
     */
    public static MemorySize parse(String text) {
        try {
            NumberWithUnit parsed = NumberWithUnit.parse(text);
            return new MemorySize(Math.multiplyExact(parsed.number(), Unit.named(parsed.unit()).multiplier));
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Cannot parse memory size '" + text + "': expected a memory size like '64 mb' or '1 gb'", e);
        }
    }

    public long getBytes() {
        return bytes;
    }

    /** Whole kibibytes, rounded down. */
    public long getKibiBytes() {
        return bytes >> 10;
    }

    /** Whole mebibytes, rounded down. */
    public long getMebiBytes() {
        return bytes >> 20;
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize other && bytes == other.bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        for (Unit unit : Unit.values()) {
            if (bytes != 0 && bytes % unit.multiplier == 0) {
                return bytes / unit.multiplier + " " + unit.shortName;
            }
        }
        return "0 bytes";
    }
}
