package org.millrace.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    @Test
    void mixMatchesTheSpecifiedTestVectors() {
        assertEquals(-4767286540954276203L, Workloads.mix(0));
        assertEquals(2949826092126892291L, Workloads.mix(1));
        assertEquals(-2578606351839363839L, Workloads.mix(999_999));
    }

    @Test
    void mixIsTheSequenceOfSplittableRandomSeeded42() {
        SplittableRandom random = new SplittableRandom(42);
        for (long i = 0; i < 1000; i++) {
            assertEquals(random.nextLong(), Workloads.mix(i), "index " + i);
        }
    }

    @Test
    void wordOfIndexZeroIsUnpadded() {
        assertEquals("w75413", Workloads.word(0));
    }

    @Test
    void wordsTakeTheUnsignedRemainderOfNegativeMixes() {
        // mix(0) is negative: a signed remainder would give a different (negative) number
        assertEquals("w" + Long.remainderUnsigned(Workloads.mix(1), 100_000), Workloads.word(1));
        assertEquals(75413L, Long.remainderUnsigned(-4767286540954276203L, 100_000));
    }

    @Test
    void wordChecksumTermUsesTheLow16BitsOfTheStringHash() {
        long hash = "w75413".hashCode() & 0xFFFF;
        assertEquals(3 * hash, Workloads.wordChecksumTerm("w75413", 3));
    }

    @Test
    void windowStartFloorsNegativeTimestamps() {
        assertEquals(-1000, Workloads.windowStart(-1));
        assertEquals(0, Workloads.windowStart(0));
        assertEquals(0, Workloads.windowStart(999));
        assertEquals(1000, Workloads.windowStart(1000));
    }

    @Test
    void windowChecksumTermWeightsKeyAndWindow() {
        // (key + 1) * 1000003 + (windowStart / 1000 + 1) = 3 * 1000003 + 6
        assertEquals(10 * (3_000_009L + 6), Workloads.windowChecksumTerm(2, 5000, 10));
        assertEquals(7 * 1_000_003L, Workloads.windowChecksumTerm(0, -1000, 7));
    }

    @Test
    void timestampsLagTheirIndexTimeByLessThan500Ms() {
        for (long i = 0; i < 10_000; i++) {
            long sparseLag = i - Workloads.sparseTimestamp(i);
            long denseLag = i / 100 - Workloads.denseTimestamp(i);
            assertEquals(true, sparseLag >= 0 && sparseLag < 500, "sparse lag " + sparseLag + " at " + i);
            assertEquals(true, denseLag >= 0 && denseLag < 500, "dense lag " + denseLag + " at " + i);
        }
    }

    @Test
    void sequenceChecksumIsTheSumBelowN() {
        assertEquals(0, Workloads.sequenceChecksum(0));
        assertEquals(0, Workloads.sequenceChecksum(1));
        assertEquals(45, Workloads.sequenceChecksum(10));
        assertEquals(55, Workloads.sequenceChecksum(11));
        assertEquals(4_999_999_950_000_000L, Workloads.sequenceChecksum(100_000_000));
    }
}
