package org.millrace.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SingleThreadProgramsTest {

    @Test
    void wordCountMatchesReferenceAt500k() {
        assertEquals(new SingleThreadPrograms.Outcome(16_346_942_692L, 99_330), SingleThreadPrograms.wordCount(500_000));
    }

    @Test
    void runningWordCountEndsWithTheWordCountChecksumAt500k() {
        assertEquals(new SingleThreadPrograms.Outcome(16_346_942_692L, 99_330), SingleThreadPrograms.runningWordCount(500_000));
    }

    @Test
    void sparseWindowSumMatchesReferenceAt500k() {
        assertEquals(new SingleThreadPrograms.Outcome(123_899_282_326_835_729L, 475_736),
                SingleThreadPrograms.windowSum(500_000, false));
    }

    @Test
    void denseWindowSumMatchesReferenceAt1M() {
        assertEquals(new SingleThreadPrograms.Outcome(24_784_934_316_477_480L, 11_000),
                SingleThreadPrograms.windowSum(1_000_000, true));
    }

    @Test
    void timedRunReportsTheReferenceVerdict() {
        Measurement m = SingleThreadPrograms.run(Workload.W2, 500_000);
        assertEquals("single-thread", m.engine());
        assertEquals(1, m.parallelism());
        assertEquals(-1, m.netRuntimeMillis());
        assertEquals(java.util.Optional.of(true), m.checksumOk());
    }
}
