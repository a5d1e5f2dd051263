package org.millrace.benchmarks.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * How the Flink benchmark sinks hand their per-subtask checksum and row count back to the client:
 * two long counters that Flink sums over subtasks into the {@link JobExecutionResult}.
 */
final class FlinkAccumulators {

    static final String CHECKSUM = "benchmark-checksum";
    static final String RESULTS = "benchmark-results";

    private FlinkAccumulators() {}

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
            throw new IllegalStateException("The Flink job reported no accumulator '" + name + "': its sinks never finished");
        }
        return value;
    }
}
