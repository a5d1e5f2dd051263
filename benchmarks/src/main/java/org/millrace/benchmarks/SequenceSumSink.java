package org.millrace.benchmarks;

import org.millrace.streaming.api.functions.sink.RichSinkFunction;

/**
 * Sums the longs it receives and counts them: W4's sink (the values themselves) and W3/W5's sink
 * (each window row arrives already turned into its checksum term).
 */
final class SequenceSumSink extends RichSinkFunction<Long> {

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
        ChecksumAccumulators.report(getRuntimeContext(), sum, count);
    }
}
