package org.millrace.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Summarises repetitions of one benchmark configuration by their median time, the figure
 * {@code shared/BENCHMARKS.md} asks to quote on a noisy machine.
 */
public final class Medians {

    private Medians() {}

    /**
     * A measurement with the median wall time, median net runtime and median peak RSS (of the runs
     * that know theirs) of {@code runs}, and the checksum and results of the run closest to the
     * median time. All runs must be of the same workload, engine, parallelism and record count.
     */
    public static Measurement of(List<Measurement> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No runs to summarise");
        }
        Measurement first = runs.get(0);
        for (Measurement m : runs) {
            if (m.workload() != first.workload() || !m.engine().equals(first.engine())
                    || m.parallelism() != first.parallelism() || m.records() != first.records()) {
                throw new IllegalArgumentException("Runs of different configurations: " + first.line("RUN") + " vs " + m.line("RUN"));
            }
        }
        long medianNanos = median(runs.stream().mapToLong(Measurement::nanos).toArray());
        long medianNet = first.netRuntimeMillis() < 0 ? -1 : median(runs.stream().mapToLong(Measurement::netRuntimeMillis).toArray());
        long[] peaks = runs.stream().mapToLong(Measurement::peakRssMib).filter(mib -> mib >= 0).toArray();
        long medianPeakRss = peaks.length == 0 ? -1 : median(peaks);
        Measurement closest = first;
        for (Measurement m : runs) {
            if (Math.abs(m.nanos() - medianNanos) < Math.abs(closest.nanos() - medianNanos)) {
                closest = m;
            }
        }
        return new Measurement(first.workload(), first.engine(), first.parallelism(), first.records(), medianNanos,
                closest.checksum(), closest.results(), medianNet, medianPeakRss);
    }

    /** The median of {@code values}; the mean of the two middle values for an even count. */
    public static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
