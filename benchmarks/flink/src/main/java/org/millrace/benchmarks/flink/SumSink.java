package org.millrace.benchmarks.flink;

import org.apache.flink.streaming.api.functions.sink.legacy.RichSinkFunction;

/**
 * Sums the longs it receives and counts them: W4's sink (the values themselves) and W3/W5's sink
 * (each window row arrives already turned into its checksum term).
 */
final class SumSink extends RichSinkFunction<Long> {

    private static final long serialVersionUID = 1L;

    private long sum;
    private long count;

    @Override
    public void invoke(Long value, Context context) {
        sum += value;
        count++;
    }

    @Override
    public void finish() {
        FlinkAccumulators.report(getRuntimeContext(), sum, count);
    }
}
