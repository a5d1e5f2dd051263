package org.millrace.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Millrace jobs of the benchmark compute the reference results (small N, so the suite stays fast). */
@Timeout(60)
class WholeJobChecksumsTest {

    private static final long W4_RECORDS = 100_000;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void w1ChecksumMatchesReferenceAt500k(int parallelism) throws Exception {
        assertReferenceResult(MillraceJobs.run(Workload.W1, parallelism, 500_000), parallelism, 16_346_942_692L, 99_330);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void w2ChecksumMatchesReferenceAt500k(int parallelism) throws Exception {
        assertReferenceResult(MillraceJobs.run(Workload.W2, parallelism, 500_000), parallelism, 16_346_942_692L, 99_330);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void w4RebalanceDeliversEveryValueOnce(int parallelism) throws Exception {
        assertReferenceResult(MillraceJobs.run(Workload.W4_REBALANCE, parallelism, W4_RECORDS), parallelism,
                W4_RECORDS * (W4_RECORDS - 1) / 2, W4_RECORDS);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void w4KeyByDeliversEveryValueOnce(int parallelism) throws Exception {
        assertReferenceResult(MillraceJobs.run(Workload.W4_KEYBY, parallelism, W4_RECORDS), parallelism,
                W4_RECORDS * (W4_RECORDS - 1) / 2, W4_RECORDS);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void w3ChecksumMatchesReferenceAt500k(int parallelism) throws Exception {
        assertReferenceResult(MillraceJobs.run(Workload.W3, parallelism, 500_000), parallelism, 123_899_282_326_835_729L, 475_736);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void w5ChecksumMatchesReferenceAt1m(int parallelism) throws Exception {
        assertReferenceResult(MillraceJobs.run(Workload.W5, parallelism, 1_000_000), parallelism, 24_784_934_316_477_480L, 11_000);
    }

    private static void assertReferenceResult(Measurement m, int parallelism, long checksum, long results) {
        assertEquals(checksum, m.checksum(), "checksum");
        assertEquals(results, m.results(), "results");
        assertEquals(parallelism, m.parallelism());
        assertEquals("millrace", m.engine());
        assertTrue(m.netRuntimeMillis() >= 0, "the engine reports its net runtime");
        assertTrue(m.line("RESULT").endsWith(" checksum_ok=true"), m.line("RESULT"));
    }
}
