package org.millrace.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    private static Measurement w1(long nanos, long checksum, long netMillis) {
        return new Measurement(Workload.W1, "millrace", 2, 500_000, nanos, checksum, 99_330, netMillis);
    }

    @Test
    void resultLineHasTheSpecifiedFieldsInOrder() {
        assertEquals("RESULT workload=W1 parallelism=2 records=500000 seconds=0.250 records_per_s=2000000"
                        + " checksum=16346942692 results=99330 engine=millrace net_runtime_ms=200 checksum_ok=true",
                w1(250_000_000L, 16_346_942_692L, 200).line("RESULT"));
    }

    @Test
    void resultLineOmitsVerdictWithoutReferenceAndNetRuntimeWhenUnknown() {
        Measurement m = new Measurement(Workload.W1, "single-thread", 1, 123, 1_000_000_000L, 5, 6, -1);
        assertEquals("RESULT workload=W1 parallelism=1 records=123 seconds=1.000 records_per_s=123 checksum=5"
                + " results=6 engine=single-thread", m.line("RESULT"));
    }

    @Test
    void peakRssFollowsTheVerdictAndIsReadBack() {
        Measurement m = w1(250_000_000L, 16_346_942_692L, 200).withPeakRssMib(1_234);
        String line = m.line("RESULT");
        assertEquals(true, line.endsWith(" net_runtime_ms=200 checksum_ok=true peak_rss_mib=1234"), line);
        assertEquals(m, Measurement.parse(line));
    }

    @Test
    void lineWithoutPeakRssParsesAsUnknown() {
        assertEquals(-1, Measurement.parse(w1(1_000, 16_346_942_692L, 1).line("RESULT")).peakRssMib());
    }

    @Test
    void medianTakesTheMedianPeakRssOfTheRunsThatKnowIt() {
        Measurement median = Medians.of(List.of(w1(3_000, 1, 30).withPeakRssMib(900), w1(1_000, 1, 10),
                w1(2_000, 1, 20).withPeakRssMib(700), w1(4_000, 1, 40).withPeakRssMib(800)));
        assertEquals(800, median.peakRssMib());
        assertEquals(-1, Medians.of(List.of(w1(1_000, 1, 10))).peakRssMib());
    }

    @Test
    void peakRssIsReadFromTheVmHwmLineInMebibytes() {
        assertEquals(2, PeakRss.parseMebibytes(List.of("Name:\tjava", "VmPeak:\t 9999999 kB", "VmHWM:\t    2000 kB",
                "VmRSS:\t    1500 kB")));
        assertEquals(-1, PeakRss.parseMebibytes(List.of("Name:\tjava")));
    }

    @Test
    void peakRssOfThisJvmIsPositiveOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/status")));
        assertEquals(true, PeakRss.mebibytes() > 0);
    }

    @Test
    void wrongChecksumIsReportedAsNotOk() {
        assertEquals(java.util.Optional.of(false), w1(1, 16_346_942_693L, 0).checksumOk());
    }

    @Test
    void parseReadsBackAResultLine() {
        Measurement m = w1(250_000_000L, 16_346_942_692L, 200);
        assertEquals(m, Measurement.parse(m.line("RESULT")));
    }

    @Test
    void parseNamesTheMissingField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Measurement.parse("RESULT workload=W1 parallelism=1"));
        assertEquals(true, e.getMessage().contains("no field engine"), e.getMessage());
    }

    @Test
    void medianTakesMiddleTimeAndFlagsAnyWrongRun() {
        Measurement median = Medians.of(List.of(w1(3_000, 16_346_942_692L, 30), w1(1_000, 1, 10),
                w1(2_000, 16_346_942_692L, 20)));
        assertEquals(2_000, median.nanos());
        assertEquals(20, median.netRuntimeMillis());
        assertEquals(16_346_942_692L, median.checksum());
        assertEquals(true, median.medianLine("MEDIAN", false, 3).endsWith(" checksum_ok=false repetitions=3"));
    }

    @Test
    void medianOfEvenCountAveragesTheMiddlePair() {
        assertEquals(15, Medians.median(new long[] {40, 10, 20, 5}));
    }

    @Test
    void argumentsDefaultAndParse() {
        BenchmarkArguments a = BenchmarkArguments.parse(new String[] {"--workload", "w4-keyby", "--records", "20_000_000"});
        assertEquals(new BenchmarkArguments(Workload.W4_KEYBY, 1, 20_000_000, 3), a);
        assertThrows(IllegalArgumentException.class, () -> BenchmarkArguments.parse(new String[] {"--workload", "W9"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkArguments.parse(new String[] {"--records", "10"}));
    }
}
