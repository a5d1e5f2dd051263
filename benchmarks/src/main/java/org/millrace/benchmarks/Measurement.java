package org.millrace.benchmarks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One timed run of a workload and what it computed; formats itself as the {@code RESULT} line of
 * {@code shared/BENCHMARKS.md}.
 *
 * @param nanos wall time around building and executing the job (or the baseline's loop)
 * @param netRuntimeMillis the job's own runtime as the engine reports it, or -1 where there is none
 * @param peakRssMib the JVM's peak resident set size in MiB when the run ended ({@link PeakRss}), or
 *     -1 where unknown
 */
public record Measurement(Workload workload, String engine, int parallelism, long records, long nanos,
        long checksum, long results, long netRuntimeMillis, long peakRssMib) {

    /** A measurement whose peak RSS is not known (yet): see {@link #withPeakRssMib(long)}. */
    public Measurement(Workload workload, String engine, int parallelism, long records, long nanos,
            long checksum, long results, long netRuntimeMillis) {
        this(workload, engine, parallelism, records, nanos, checksum, results, netRuntimeMillis, -1);
    }

    /** This measurement with the given peak RSS in MiB. */
    public Measurement withPeakRssMib(long mib) {
        return new Measurement(workload, engine, parallelism, records, nanos, checksum, results, netRuntimeMillis, mib);
    }

    /**
     * Reads back a line written by {@link #line(String)} (any tag); fields it does not know are
     * ignored, a missing {@code net_runtime_ms} or {@code peak_rss_mib} becomes -1.
     */
    public static Measurement parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String token : line.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        try {
            return new Measurement(Workload.parse(required(fields, "workload")), required(fields, "engine"),
                    Integer.parseInt(required(fields, "parallelism")), Long.parseLong(required(fields, "records")),
                    Math.round(Double.parseDouble(required(fields, "seconds")) * 1e9),
                    Long.parseLong(required(fields, "checksum")), Long.parseLong(required(fields, "results")),
                    Long.parseLong(fields.getOrDefault("net_runtime_ms", "-1")),
                    Long.parseLong(fields.getOrDefault("peak_rss_mib", "-1")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed result line '" + line + "': " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no field " + key);
        }
        return value;
    }

    /** Seconds of {@link #nanos}. */
    public double seconds() {
        return nanos / 1e9;
    }

    /** Input records per second of wall time. */
    public double recordsPerSecond() {
        return records / seconds();
    }

    /** True, false, or empty when the workload has no reference for this record count. */
    public Optional<Boolean> checksumOk() {
        return workload.reference(records).map(r -> r.checksum() == checksum && r.results() == results);
    }

    /**
     * The line {@code <tag> workload=... parallelism=... records=... seconds=... records_per_s=... checksum=...
     * results=... engine=... [net_runtime_ms=...] [checksum_ok=...] [peak_rss_mib=...]}.
     */
    public String line(String tag) {
        return line(tag, checksumOk());
    }

    /**
     * The line of a median over {@code repetitions} runs; {@code checksum_ok} (when there is a
     * reference) says whether all of them were right, not only the one whose result is shown.
     */
    public String medianLine(String tag, boolean allRunsOk, int repetitions) {
        return line(tag, checksumOk().map(ignored -> allRunsOk)) + " repetitions=" + repetitions;
    }

    private String line(String tag, Optional<Boolean> verdict) {
        StringBuilder line = new StringBuilder(200).append(tag)
                .append(" workload=").append(workload.cliName())
                .append(" parallelism=").append(parallelism)
                .append(" records=").append(records)
                .append(" seconds=").append(String.format(Locale.ROOT, "%.3f", seconds()))
                .append(" records_per_s=").append(Math.round(recordsPerSecond()))
                .append(" checksum=").append(checksum)
                .append(" results=").append(results)
                .append(" engine=").append(engine);
        if (netRuntimeMillis >= 0) {
            line.append(" net_runtime_ms=").append(netRuntimeMillis);
        }
        verdict.ifPresent(ok -> line.append(" checksum_ok=").append(ok));
        if (peakRssMib >= 0) {
            line.append(" peak_rss_mib=").append(peakRssMib);
        }
        return line.toString();
    }
}
