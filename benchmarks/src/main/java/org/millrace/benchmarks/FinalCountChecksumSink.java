package org.millrace.benchmarks;

import org.millrace.api.java.tuple.Tuple2;
import org.millrace.streaming.api.functions.sink.RichSinkFunction;

/**
 * W1's sink: every {@code (word, count)} it receives is a final row (BATCH mode emits one per
 * word), so it adds each row's checksum term as it arrives and reports the totals at the end.
 */
final class FinalCountChecksumSink extends RichSinkFunction<Tuple2<String, Long>> {

    private static final long serialVersionUID = 1L;

    private long checksum;
    private long rows;

    @Override
    public void invoke(Tuple2<String, Long> row, Context context) {
        checksum += Workloads.wordChecksumTerm(row.f0, row.f1);
        rows++;
    }

    @Override
    public void finish() {
        ChecksumAccumulators.report(getRuntimeContext(), checksum, rows);
    }
}
