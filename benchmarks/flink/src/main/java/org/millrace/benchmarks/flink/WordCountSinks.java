package org.millrace.benchmarks.flink;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.sink.legacy.RichSinkFunction;
import org.millrace.benchmarks.Workloads;

/** The W1 and W2 sinks on Flink; each reports the word-count checksum when its input ends. */
final class WordCountSinks {

    private WordCountSinks() {}

    /** W1: BATCH mode emits one final row per word, so every row is added to the checksum as it arrives. */
    static final class FinalCounts extends RichSinkFunction<Tuple2<String, Long>> {

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
            FlinkAccumulators.report(getRuntimeContext(), checksum, rows);
        }
    }

    /** W2: the keyed sum emits a running count per record; the latest count of each word counts. */
    static final class LatestCounts extends RichSinkFunction<Tuple2<String, Long>> {

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
            FlinkAccumulators.report(getRuntimeContext(), checksum, latest.size());
        }
    }
}
