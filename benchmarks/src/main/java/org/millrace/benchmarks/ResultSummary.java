package org.millrace.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code RESULT} lines on standard input (other lines are skipped) and prints one
 * {@code MEDIAN} line per configuration (workload, engine, parallelism, records), in order of first
 * appearance, then the {@link ComparisonTable} of those medians and any checksum disagreement between
 * engines. {@code run.sh} uses it to summarise repetitions that ran in separate, interleaved JVMs.
 * Exits with 1 if any run had a wrong checksum or the engines disagree.
 */
public final class ResultSummary {

    private ResultSummary() {}

    public static void main(String[] args) throws Exception {
        Map<String, List<Measurement>> byConfiguration = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("RESULT ")) {
                    Measurement m = Measurement.parse(line);
                    String configuration = m.workload() + " " + m.engine() + " " + m.parallelism() + " " + m.records();
                    byConfiguration.computeIfAbsent(configuration, c -> new ArrayList<>()).add(m);
                }
            }
        }
        boolean allOk = true;
        List<Measurement> medians = new ArrayList<>();
        for (List<Measurement> runs : byConfiguration.values()) {
            boolean ok = runs.stream().allMatch(m -> m.checksumOk().orElse(true));
            allOk &= ok;
            Measurement median = Medians.of(runs);
            medians.add(median);
            System.out.println(median.medianLine("MEDIAN", ok, runs.size()));
        }
        ComparisonTable table = new ComparisonTable(medians);
        System.out.println();
        System.out.print(table.markdown());
        List<String> disagreements = table.checksumDisagreements();
        System.out.println();
        if (disagreements.isEmpty()) {
            System.out.println("Checksums and result counts agree across engines.");
        }
        disagreements.forEach(System.out::println);
        allOk &= disagreements.isEmpty();
        System.exit(allOk ? 0 : BenchmarkRunner.EXIT_WRONG_RESULT);
    }
}
