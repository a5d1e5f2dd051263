package org.millrace.client.cli;

import java.util.Map;

/**
 * Flink's old YARN options of {@code flink run -m yarn-cluster} ({@code -yjm -ytm -ys -yqu -ynm
 * -yid -yt -yD -yd}), which scripts written for older Flink releases still pass: each becomes the
 * configuration key it always stood for, so the rest of the client knows only keys.
 */
public final class LegacyYarnOptions {

    /** The options that take a value, and the key each sets. */
    private static final Map<String, String> KEYS = Map.of(
            "-yjm", "jobmanager.memory.process.size",
            "-ytm", "taskmanager.memory.process.size",
            "-ys", "taskmanager.numberOfTaskSlots",
            "-yqu", "yarn.application.queue",
            "-ynm", "yarn.application.name",
            "-yid", "yarn.application.id",
            "-yt", "yarn.ship-files");

    private LegacyYarnOptions() {}

    /** Whether {@code option} is one of the old YARN options that take a value. */
    static boolean takesValue(String option) {
        return KEYS.containsKey(option);
    }

    /** The configuration key {@code option} sets. */
    static String keyOf(String option) {
        return KEYS.get(option);
    }

    /** The value as the key expects it: for {@code -yjm}/{@code -ytm} a bare number means MiB, as in Flink. */
    static String valueFor(String option, String value) {
        boolean memory = option.equals("-yjm") || option.equals("-ytm");
        return memory ? megabytesByDefault(value.strip()) : value.strip();
    }

    /** A memory size given on a command line: a bare number is MiB ({@code 1024} = {@code 1024m}). */
    public static String megabytesByDefault(String value) {
        return value.matches("[0-9]+") ? value + "m" : value;
    }
}
