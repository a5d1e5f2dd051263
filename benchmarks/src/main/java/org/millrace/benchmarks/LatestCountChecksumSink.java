package org.millrace.benchmarks;

import java.util.HashMap;
import java.util.Map;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.streaming.api.functions.sink.RichSinkFunction;

/**
 * W2's sink: the keyed sum emits a running count per record, so it keeps the latest count of each
 * word and computes the checksum over those at the end of input.
 */
final class LatestCountChecksumSink extends RichSinkFunction<Tuple2<String, Long>> {

    private static final long serialVersionUID = 1L;

    private transient Map<String, Long> latest;

    @Override
    public void open(OpenContext openContext) {
        latest = new HashMap<>(1 << 17);
    }

    @Override
    public void invoke(Tuple2<String, Long> update, Context context) {
        latest.put(update.f0, update.f1);
    }

    @Override
    public void finish() {
        long checksum = 0;
        for (Map.Entry<String, Long> e : latest.entrySet()) {
            checksum += Workloads.wordChecksumTerm(e.getKey(), e.getValue());
        }
        ChecksumAccumulators.report(getRuntimeContext(), checksum, latest.size());
    }
}
