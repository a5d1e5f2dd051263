package org.millrace.benchmarks;

import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.functions.RuntimeContext;

/**
 * How benchmark sinks hand their per-subtask checksum and row count back to the client: two
 * {@link org.millrace.api.common.accumulators.LongCounter}s the engine sums over subtasks.
 */
final class ChecksumAccumulators {

    static final String CHECKSUM = "benchmark-checksum";
    static final String RESULTS = "benchmark-results";

    private ChecksumAccumulators() {}

    /** Adds one subtask's totals; called once per subtask when its input has ended. */
    static void report(RuntimeContext context, long checksum, long results) {
        context.getLongCounter(CHECKSUM).add(checksum);
        context.getLongCounter(RESULTS).add(results);
    }

    static long checksum(JobExecutionResult result) {
        return valueOf(result, CHECKSUM);
    }

    static long results(JobExecutionResult result) {
        return valueOf(result, RESULTS);
    }

    private static long valueOf(JobExecutionResult result, String name) {
        Long value = result.getAccumulatorResult(name);
        if (value == null) {
            throw new IllegalStateException("The job reported no accumulator '" + name + "': its sinks never finished");
        }
        return value;
    }
}
