package org.millrace.configuration;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes durations the way Flink's configuration does: a whole number followed by an
 * optional unit ({@code "100 ms"}, {@code "100ms"}, {@code "10 s"}, {@code "1 min"}, {@code "2h"});
 * a bare number is milliseconds. Units: ns, us/µs, ms, s, min/m, h, d and their long forms
 * ({@code millis}, {@code seconds}, {@code minutes}, ...), case-insensitive.
 */
final class Durations {

    /** Largest first, the order {@link #format} tries them in. */
    private static final List<ChronoUnit> FORMAT_UNITS = List.of(
            ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS,
            ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS);

    private static final Map<ChronoUnit, String> SHORT_NAMES = Map.of(
            ChronoUnit.DAYS, "d", ChronoUnit.HOURS, "h", ChronoUnit.MINUTES, "min", ChronoUnit.SECONDS, "s",
            ChronoUnit.MILLIS, "ms", ChronoUnit.MICROS, "us", ChronoUnit.NANOS, "ns");

    private static final Map<String, ChronoUnit> UNITS = new HashMap<>();

    static {
        names(ChronoUnit.NANOS, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        names(ChronoUnit.MICROS, "us", "µs", "micro", "micros", "microsecond", "microseconds");
        names(ChronoUnit.MILLIS, "ms", "milli", "millis", "millisecond", "milliseconds");
        names(ChronoUnit.SECONDS, "s", "sec", "secs", "second", "seconds");
        names(ChronoUnit.MINUTES, "m", "min", "mins", "minute", "minutes");
        names(ChronoUnit.HOURS, "h", "hour", "hours");
        names(ChronoUnit.DAYS, "d", "day", "days");
    }

    private Durations() {}

    private static void names(ChronoUnit unit, String... names) {
        for (String name : names) {
            UNITS.put(name, unit);
        }
    }

    /** @throws IllegalArgumentException or ArithmeticException for text that is not a duration */
    static Duration parse(String text) {
        NumberWithUnit parsed = NumberWithUnit.parse(text);
        ChronoUnit unit = parsed.unit().isEmpty() ? ChronoUnit.MILLIS : UNITS.get(parsed.unit());
        if (unit == null) {
            throw new IllegalArgumentException("unknown time unit '" + parsed.unit() + "'");
        }
        return Duration.of(parsed.number(), unit);
    }

    /** The shortest exact form in the largest unit that divides the duration, e.g. "100 ms", "2 min". */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0 ms";
        }
        for (ChronoUnit unit : FORMAT_UNITS) {
            Duration unitLength = unit.getDuration();
            boolean exact = unitLength.getSeconds() > 0
                    ? duration.getNano() == 0 && duration.getSeconds() % unitLength.getSeconds() == 0
                    : duration.getNano() % unitLength.getNano() == 0;
            if (exact) {
                return duration.dividedBy(unitLength) + " " + SHORT_NAMES.get(unit);
            }
        }
        throw new AssertionError("every duration is a whole number of nanoseconds");
    }
}
