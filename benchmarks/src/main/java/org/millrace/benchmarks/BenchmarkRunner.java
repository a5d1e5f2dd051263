package org.millrace.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats one timed trial, prints a {@code RESULT} line per repetition (with the JVM's
 * {@link PeakRss peak RSS} when the trial ended) and a {@code MEDIAN} line at the end, and turns a
 * wrong checksum into a non-zero exit code. Shared by every benchmark main so all engines report the
 * same way.
 */
public final class BenchmarkRunner {

    /** Exit code when a run computed a result different from the reference. */
    public static final int EXIT_WRONG_RESULT = 1;

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkRunner.class);

    /** One timed run of the workload. */
    @FunctionalInterface
    public interface Trial {
        Measurement run() throws Exception;
    }

    private BenchmarkRunner() {}

    /**
     * Runs {@code trial} {@code repetitions} times, printing to {@code out}.
     *
     * @return 0 if every run matched the reference (or there is none), else {@link #EXIT_WRONG_RESULT}
     */
    public static int run(int repetitions, Trial trial, PrintStream out) throws Exception {
        List<Measurement> runs = new ArrayList<>(repetitions);
        boolean allOk = true;
        for (int rep = 1; rep <= repetitions; rep++) {
            Measurement m = trial.run().withPeakRssMib(PeakRss.mebibytes());
            runs.add(m);
            LOG.info("{} {} p={} N={}: repetition {}/{} took {} s ({} records/s), checksum {}", m.engine(),
                    m.workload().cliName(), m.parallelism(), m.records(), rep, repetitions,
                    String.format("%.3f", m.seconds()), Math.round(m.recordsPerSecond()), m.checksum());
            out.println(m.line("RESULT"));
            allOk &= m.checksumOk().orElse(true);
        }
        Measurement median = Medians.of(runs);
        out.println(median.medianLine("MEDIAN", allOk, repetitions));
        out.flush();
        if (!allOk) {
            LOG.error("{} computed a wrong result: expected {}", median.workload().cliName(),
                    median.workload().reference(median.records()).orElseThrow());
            return EXIT_WRONG_RESULT;
        }
        return 0;
    }
}
