package org.millrace.examples.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

@Timeout(180)
class GeneratedKeyedSumITCase {

    /** The checksum computed directly: each event i adds ((i % 1000) + 1) * i. */
    private static long expectedChecksum(long records) {
        long checksum = 0;
        for (long i = 0; i < records; i++) {
            checksum += ((i % 1000) + 1) * i;
        }
        return checksum;
    }

    @ParameterizedTest(name = "{0} records at parallelism {1}")
    @CsvSource({"200000, 1", "200000, 4", "500, 3"})
    void reportsOneResultPerKeyAndTheExactChecksum(long records, int parallelism) throws Exception {
        JobExecutionResult result = GeneratedKeyedSum.run(StreamExecutionEnvironment.createLocalEnvironment(parallelism), records);

        assertEquals(Math.min(records, GeneratedKeyedSum.KEYS), (long) result.<Long>getAccumulatorResult("keys"));
        assertEquals(expectedChecksum(records), (long) result.<Long>getAccumulatorResult("checksum"));
    }
}
