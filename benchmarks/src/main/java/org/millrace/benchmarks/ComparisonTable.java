package org.millrace.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the medians of a run of {@code run.sh} into the Markdown table of {@code docs/benchmarks.md}
 * (Millrace against Apache Flink and the single-thread program, per workload and parallelism: rates,
 * ratios and each engine's peak RSS) and lists the configurations whose checksums disagree between
 * engines, so no figure is copied by hand.
 */
public final class ComparisonTable {

    private static final String NONE = "-";

    private final List<Measurement> medians;

    /** {@code medians}: one measurement per (workload, engine, parallelism, records). */
    public ComparisonTable(List<Measurement> medians) {
        this.medians = List.copyOf(medians);
    }

    /**
     * The Markdown table, one row per (workload, records, parallelism) that Millrace or Flink ran;
     * {@code -} where an engine has no figure (it did not run, or cannot run that workload).
     */
    public String markdown() {
        StringBuilder out = new StringBuilder()
                .append("| workload | p | records | millrace rec/s | flink rec/s | millrace / flink | single-thread rec/s"
                        + " | millrace / single-thread | peak RSS MiB (millrace / flink / single-thread) |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        Set<String> rows = new LinkedHashSet<>();
        for (Measurement m : medians) {
            if (!m.engine().equals(SingleThreadPrograms.ENGINE)) {
                rows.add(m.workload().cliName() + " " + m.records() + " " + m.parallelism());
            }
        }
        for (String row : rows) {
            String[] parts = row.split(" ");
            Workload workload = Workload.parse(parts[0]);
            long records = Long.parseLong(parts[1]);
            int parallelism = Integer.parseInt(parts[2]);
            Measurement millrace = find(workload, MillraceJobs.ENGINE, parallelism, records);
            Measurement flink = find(workload, "flink", parallelism, records);
            Measurement single = find(workload, SingleThreadPrograms.ENGINE, 1, records);
            out.append("| ").append(workload.cliName()).append(" | ").append(parallelism).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", records)).append(" | ")
                    .append(millrace == null ? NONE : rate(millrace)).append(" | ")
                    .append(flink == null ? NONE : rate(flink)).append(" | ")
                    .append(ratio(millrace, flink)).append(" | ")
                    .append(single == null ? NONE : rate(single)).append(" | ")
                    .append(ratio(millrace, single)).append(" | ")
                    .append(peakRss(millrace)).append(" / ").append(peakRss(flink)).append(" / ").append(peakRss(single))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * One line per (workload, records) whose engines computed different checksums or row counts,
     * naming each engine's figures; empty when all agree.
     */
    public List<String> checksumDisagreements() {
        Map<String, List<Measurement>> byInput = new LinkedHashMap<>();
        for (Measurement m : medians) {
            byInput.computeIfAbsent(m.workload().cliName() + " N=" + m.records(), k -> new ArrayList<>()).add(m);
        }
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, List<Measurement>> e : byInput.entrySet()) {
            List<Measurement> runs = e.getValue();
            Measurement first = runs.get(0);
            boolean agree = runs.stream().allMatch(m -> m.checksum() == first.checksum() && m.results() == first.results());
            if (!agree) {
                StringBuilder line = new StringBuilder("checksums differ for ").append(e.getKey()).append(':');
                for (Measurement m : runs) {
                    line.append(' ').append(m.engine()).append(" p=").append(m.parallelism())
                            .append(" checksum=").append(m.checksum()).append(" results=").append(m.results());
                }
                disagreements.add(line.toString());
            }
        }
        return disagreements;
    }

    private Measurement find(Workload workload, String engine, int parallelism, long records) {
        for (Measurement m : medians) {
            if (m.workload() == workload && m.engine().equals(engine) && m.parallelism() == parallelism
                    && m.records() == records) {
                return m;
            }
        }
        return null;
    }

    private static String rate(Measurement m) {
        return String.format(Locale.ROOT, "%.2f M", m.recordsPerSecond() / 1e6);
    }

    private static String peakRss(Measurement m) {
        return m == null || m.peakRssMib() < 0 ? NONE : String.format(Locale.ROOT, "%,d", m.peakRssMib());
    }

    private static String ratio(Measurement numerator, Measurement denominator) {
        if (numerator == null || denominator == null) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.2fx", numerator.recordsPerSecond() / denominator.recordsPerSecond());
    }
}
