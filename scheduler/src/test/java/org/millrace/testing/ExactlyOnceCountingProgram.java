package org.millrace.testing;

import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.serialization.SimpleStringEncoder;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.connector.file.sink.FileSink;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.streaming.api.source.IndexedSource;
import org.millrace.util.Collector;
import org.millrace.util.ParameterTool;

/**
 * A checkpointed streaming job for the exactly-once tests (ExactlyOnceAfterTaskManagerKillsITCase, StandaloneHighAvailabilityITCase, YarnHighAvailabilityITCase): a paced source of
 * the numbers {@code 0 .. records-1} (an {@link IndexedSource}, so a restored job continues from the
 * checkpointed positions), keyed by {@code value % keys}, counted per key in {@link ValueState},
 * each record written as {@code key,value,runningCount} to the exactly-once {@link FileSink}.
 *
 * <p>{@code --records <n> --keys <k> --rate <records per second per subtask> --checkpoint-interval <ms>
 * --output <uri>}.
 */
public final class ExactlyOnceCountingProgram {

    public static final String SOURCE_NAME = "Paced Numbers";

    private ExactlyOnceCountingProgram() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        long records = params.getLong("records");
        long keys = params.getLong("keys");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(params.getLong("checkpoint-interval"));
        env.fromSource(new PacedNumbers(records, params.getInt("rate")), SOURCE_NAME, Types.LONG)
                .keyBy(new Modulo(keys))
                .process(new RunningCount()).name("Running Count")
                .sinkTo(FileSink.forRowFormat(params.getRequired("output"), new SimpleStringEncoder<String>()).build());
        env.execute("exactly-once counting");
    }

    /**
     * The numbers {@code 0 .. count-1}, each subtask at most {@code recordsPerSecond}, so the job runs
     * long enough to be killed several times.
     */
    static final class PacedNumbers extends IndexedSource<Long> {
        private static final long serialVersionUID = 1L;
        private final Pacer pacer;

        PacedNumbers(long count, int recordsPerSecond) {
            super(count);
            this.pacer = new Pacer(recordsPerSecond);
        }

        @Override
        protected Long recordAt(long index) {
            pacer.awaitSlot();
            return index;
        }
    }

    /** A number's key: the number modulo the key count. */
    static final class Modulo implements KeySelector<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final long keys;

        Modulo(long keys) {
            this.keys = keys;
        }

        @Override
        public Long getKey(Long value) {
            return value % keys;
        }
    }

    /** Counts each key's records in keyed state; emits {@code key,value,runningCount} per record. */
    static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long running = count.value() == null ? 1 : count.value() + 1;
            count.update(running);
            out.collect(ctx.getCurrentKey() + "," + value + "," + running);
        }
    }
}
