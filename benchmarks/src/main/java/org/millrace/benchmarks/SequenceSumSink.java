package org.millrace.benchmarks;

import org.millrace.streaming.api.functions.sink.RichSinkFunction;

/** W4's sink: sums the longs it receives and counts them. */
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
