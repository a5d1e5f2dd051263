package org.millrace.configuration;

import java.util.Locale;

/**
 * Splits text like {@code "100 ms"}, {@code "64mb"} or {@code "500"} into a non-negative whole
 * number and a lower-case unit (empty when absent). Shared by {@link Durations} and
 * {@link MemorySize}, which map the unit to a multiplier.
 */
record NumberWithUnit(long number, String unit) {

    /** @throws IllegalArgumentException if the text does not start with digits or the number overflows */
    static NumberWithUnit parse(String text) {
        String s = text.strip();
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end)) && s.charAt(end) < 128) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("no leading number in '" + text + "'");
        }
        long number = Long.parseLong(s.substring(0, end)); // NumberFormatException on overflow
        return new NumberWithUnit(number, s.substring(end).strip().toLowerCase(Locale.ROOT));
    }
}
