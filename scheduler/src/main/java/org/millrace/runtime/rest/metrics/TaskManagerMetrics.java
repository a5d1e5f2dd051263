package org.millrace.runtime.rest.metrics;

/**
 * A TaskManager's network memory as it last reported it (Flink's {@code Status.Shuffle.Netty.*}).
 *
 * @param timestampMillis the TaskManager's clock when it took the figures
 * @param segmentsMaxUsed the most segments ever in use at once since the TaskManager started
 */
public record TaskManagerMetrics(long timestampMillis, int segmentsTotal, int segmentsUsed, int segmentsMaxUsed,
        int segmentSize) {

    public int segmentsAvailable() {
        return segmentsTotal - segmentsUsed;
    }

    public long memoryTotal() {
        return (long) segmentsTotal * segmentSize;
    }

    public long memoryUsed() {
        return (long) segmentsUsed * segmentSize;
    }

    public long memoryAvailable() {
        return (long) segmentsAvailable() * segmentSize;
    }
}
