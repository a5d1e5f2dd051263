package org.millrace.benchmarks;

import java.time.Duration;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.connector.datagen.source.DataGeneratorSource;
import org.millrace.streaming.api.datastream.DataStream;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Builds and runs the workloads as Millrace jobs on the embedded MiniCluster, timed as a user
 * experiences {@code execute()}: building the job, starting the cluster, running, stopping it.
 * Functions are named classes with declared types, so the jobs use typed serializers.
 */
public final class MillraceJobs {

    /** The engine name in RESULT lines. */
    public static final String ENGINE = "millrace";

    private static final TypeInformation<Tuple2<String, Long>> WORD_COUNT = Types.TUPLE(Types.STRING, Types.LONG);
    private static final TypeInformation<Tuple3<Long, Long, Long>> EVENT = Types.TUPLE(Types.LONG, Types.LONG, Types.LONG);

    private MillraceJobs() {}

    /** True for the workloads this engine can run today: all of them. */
    public static boolean supports(Workload workload) {
        return true;
    }

    /** Runs {@code workload} once over {@code records} records at {@code parallelism}. */
    public static Measurement run(Workload workload, int parallelism, long records) throws Exception {
        long start = System.nanoTime();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        switch (workload) {
            case W1 -> wordCount(env, RuntimeExecutionMode.BATCH, records, new FinalCountChecksumSink());
            case W2 -> wordCount(env, RuntimeExecutionMode.STREAMING, records, new LatestCountChecksumSink());
            case W4_REBALANCE -> sequence(env, records).rebalance().addSink(new SequenceSumSink()).name("Sum");
            case W4_KEYBY -> sequence(env, records).keyBy(new LongIdentityKey()).addSink(new SequenceSumSink()).name("Sum");
            case W3 -> windowSum(env, records, false);
            case W5 -> windowSum(env, records, true);
        }
        JobExecutionResult result = env.execute("benchmark " + workload.cliName() + " p=" + parallelism + " N=" + records);
        long nanos = System.nanoTime() - start;
        return new Measurement(workload, ENGINE, parallelism, records, nanos,
                ChecksumAccumulators.checksum(result), ChecksumAccumulators.results(result), result.getNetRuntime());
    }

    /** words -> (word, 1) -> keyBy word -> sum(1) -> {@code sink}. */
    private static void wordCount(StreamExecutionEnvironment env, RuntimeExecutionMode mode, long records,
            SinkFunction<Tuple2<String, Long>> sink) {
        env.setRuntimeMode(mode);
        env.fromSource(new DataGeneratorSource<>(new WordGenerator(), records, Types.STRING), "Words")
                .map(new WordToPair(), WORD_COUNT)
                .keyBy(new WordKey())
                .sum(1)
                .addSink(sink)
                .name("Checksum");
    }

    /**
     * strided events with timestamps and watermarks from the source -> keyBy key -> 1 s tumbling
     * event-time windows -> sum, turned into checksum terms -> checksum; the same job as Flink's.
     */
    private static void windowSum(StreamExecutionEnvironment env, long records, boolean dense) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        WatermarkStrategy<Tuple3<Long, Long, Long>> watermarks = WatermarkStrategy
                .<Tuple3<Long, Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(Workloads.MAX_DELAY_MILLIS))
                .withTimestampAssigner(new WindowFunctions.EventTime());
        env.fromSource(new StridedEventSource(records, dense), watermarks, "Events", EVENT)
                .keyBy(new WindowFunctions.EventKey())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(Workloads.WINDOW_MILLIS)))
                .aggregate(new WindowFunctions.ValueSum(), new WindowFunctions.ChecksumTerm(), Types.LONG, Types.LONG, Types.LONG)
                .addSink(new SequenceSumSink())
                .name("Checksum");
    }

    /** The longs {@code 0 .. records-1}, generated in parallel; the caller adds the exchange. */
    private static DataStream<Long> sequence(StreamExecutionEnvironment env, long records) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        return env.fromSequence(0, records - 1);
    }
}
