package org.millrace.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    private static Measurement run(Workload w, String engine, int p, long seconds, long checksum) {
        return new Measurement(w, engine, p, 20_000_000, seconds * 1_000_000_000L, checksum, 100_000, -1);
    }

    private static Measurement run(Workload w, String engine, int p, long seconds, long checksum, long peakRssMib) {
        return run(w, engine, p, seconds, checksum).withPeakRssMib(peakRssMib);
    }

    @Test
    void tableShowsRatesAndRatiosPerWorkloadAndParallelism() {
        ComparisonTable table = new ComparisonTable(List.of(
                run(Workload.W1, "single-thread", 1, 5, 7, 612),
                run(Workload.W1, "millrace", 1, 10, 7, 845),
                run(Workload.W1, "flink", 1, 40, 7, 1_530)));
        assertEquals("| workload | p | records | millrace rec/s | flink rec/s | millrace / flink | single-thread rec/s"
                        + " | millrace / single-thread | peak RSS MiB (millrace / flink / single-thread) |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n"
                        + "| W1 | 1 | 20,000,000 | 2.00 M | 0.50 M | 4.00x | 4.00 M | 0.50x | 845 / 1,530 / 612 |\n",
                table.markdown());
    }

    @Test
    void engineWithoutAFigureShowsADashInEveryColumnOfIt() {
        ComparisonTable table = new ComparisonTable(List.of(run(Workload.W5, "flink", 2, 10, 7, 1_100)));
        assertEquals("| W5 | 2 | 20,000,000 | - | 2.00 M | - | - | - | - / 1,100 / - |",
                table.markdown().lines().skip(2).findFirst().orElseThrow());
    }

    @Test
    void disagreeingChecksumsAreNamedWithEachEngine() {
        ComparisonTable table = new ComparisonTable(List.of(
                run(Workload.W2, "millrace", 1, 10, 7),
                run(Workload.W2, "flink", 1, 10, 8),
                run(Workload.W1, "flink", 1, 10, 9)));
        assertEquals(List.of("checksums differ for W2 N=20000000: millrace p=1 checksum=7 results=100000"
                        + " flink p=1 checksum=8 results=100000"),
                table.checksumDisagreements());
    }
}
