package org.millrace.benchmarks;

import java.util.Arrays;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.streaming.api.functions.sink.RichSinkFunction;

/**
 * Takes the latency of every record ({@link EpochMicros} now minus the record's emit stamp) after
 * the first {@code warmUp} records, and reports the percentiles through accumulators when its input
 * ends. Run it with parallelism 1: accumulators of several subtasks would be added up.
 */
final class LatencySink extends RichSinkFunction<Long> {

    private static final long serialVersionUID = 1L;
    static final String P50 = "latency-p50-us";
    static final String P99 = "latency-p99-us";
    static final String MAX = "latency-max-us";
    static final String COUNT = "latency-count";

    private final long warmUp;
    private transient long[] latencies;
    private transient int size;
    private transient long seen;

    LatencySink(long warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public void invoke(Long emitMicros, Context context) {
        long latency = EpochMicros.now() - emitMicros;
        if (seen++ < warmUp) {
            return;
        }
        if (latencies == null) {
            latencies = new long[1 << 16];
        } else if (size == latencies.length) {
            latencies = Arrays.copyOf(latencies, size * 2);
        }
        latencies[size++] = latency;
    }

    @Override
    public void finish() {
        long[] sorted = latencies == null ? new long[0] : Arrays.copyOf(latencies, size);
        Arrays.sort(sorted);
        getRuntimeContext().getLongCounter(COUNT).add(sorted.length);
        if (sorted.length > 0) {
            getRuntimeContext().getLongCounter(P50).add(percentile(sorted, 0.50));
            getRuntimeContext().getLongCounter(P99).add(percentile(sorted, 0.99));
            getRuntimeContext().getLongCounter(MAX).add(sorted[sorted.length - 1]);
        }
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The figures a finished job reported. */
    record Latencies(long count, long p50Micros, long p99Micros, long maxMicros) {
        static Latencies of(JobExecutionResult result) {
            return new Latencies(value(result, COUNT), value(result, P50), value(result, P99), value(result, MAX));
        }

        private static long value(JobExecutionResult result, String name) {
            Long value = result.getAccumulatorResult(name);
            if (value == null) {
                throw new IllegalStateException("The latency job reported no '" + name + "'");
            }
            return value;
        }
    }
}
