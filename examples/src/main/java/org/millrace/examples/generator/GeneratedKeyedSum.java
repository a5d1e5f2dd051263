package org.millrace.examples.generator;

import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.accumulators.LongCounter;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.connector.datagen.source.DataGeneratorSource;
import org.millrace.connector.datagen.source.GeneratorFunction;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.RichSinkFunction;
import org.millrace.util.ParameterTool;

/**
 * A keyed aggregation over generated data, with no input files: event {@code i} is
 * {@code (i % 1000, i)}; the job sums the values per key (BATCH mode, one result per key) and
 * reports, through accumulators, how many keys it saw and a checksum over all (key, sum) results
 * that changes if any value is lost, doubled or summed under the wrong key.
 *
 * <pre>
 * bin/flink run -p 4 examples/target/GeneratedKeyedSum.jar [--records 1000000]
 * </pre>
 */
public final class GeneratedKeyedSum {

    /** Number of distinct keys. */
    public static final int KEYS = 1000;
    /** Accumulator with the number of keys in the result. */
    public static final String KEYS_ACCUMULATOR = "keys";
    /** Accumulator with the sum of {@code (key + 1) * sum} over all results (wrapping on overflow). */
    public static final String CHECKSUM_ACCUMULATOR = "checksum";

    private GeneratedKeyedSum() {}

    public static void main(String[] args) throws Exception {
        long records = ParameterTool.fromArgs(args).getLong("records", 1_000_000L);
        JobExecutionResult result = run(StreamExecutionEnvironment.getExecutionEnvironment(), records);
        long keys = result.<Long>getAccumulatorResult(KEYS_ACCUMULATOR);
        long checksum = result.<Long>getAccumulatorResult(CHECKSUM_ACCUMULATOR);
        System.out.println("Records: " + records + ", keys: " + keys + ", checksum: " + checksum);
    }

    /** Builds and runs the job on {@code env}; the result holds the two accumulators. */
    public static JobExecutionResult run(StreamExecutionEnvironment env, long records) throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataGeneratorSource<Tuple2<Long, Long>> events =
                new DataGeneratorSource<>(new KeyedEvent(), records, Types.TUPLE(Types.LONG, Types.LONG));
        env.fromSource(events, "Generated events")
                .keyBy(new EventKey())
                .sum(1).name("sum-per-key")
                .addSink(new ChecksumSink()).name("checksum-sink");
        return env.execute("GeneratedKeyedSum");
    }

    /** Event {@code i}: {@code (i % KEYS, i)}. */
    static final class KeyedEvent implements GeneratorFunction<Long, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> map(Long index) {
            long i = index;
            return Tuple2.of(i % KEYS, i);
        }
    }

    /** Keys events by their first field. */
    static final class EventKey implements KeySelector<Tuple2<Long, Long>, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Tuple2<Long, Long> event) {
            return event.f0;
        }
    }

    /** Counts the per-key results and folds them into the checksum. */
    static final class ChecksumSink extends RichSinkFunction<Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        private transient LongCounter keys;
        private transient LongCounter checksum;

        @Override
        public void open(OpenContext openContext) {
            keys = getRuntimeContext().getLongCounter(KEYS_ACCUMULATOR);
            checksum = getRuntimeContext().getLongCounter(CHECKSUM_ACCUMULATOR);
        }

        @Override
        public void invoke(Tuple2<Long, Long> keySum) {
            keys.add(1L);
            checksum.add((keySum.f0 + 1) * keySum.f1);
        }
    }
}
