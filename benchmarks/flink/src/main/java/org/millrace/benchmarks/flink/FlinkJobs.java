package org.millrace.benchmarks.flink;

import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.SinkFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.millrace.benchmarks.Measurement;
import org.millrace.benchmarks.Workload;
import org.millrace.benchmarks.Workloads;

/**
 * Builds and runs every workload of {@code shared/BENCHMARKS.md} as an Apache Flink job in Flink's
 * local environment, timed as a user experiences {@code execute()} (building the job, starting the
 * embedded cluster, running, stopping it), so its figures compare with Millrace's like for like.
 */
public final class FlinkJobs {

    /** The engine name in RESULT lines. */
    public static final String ENGINE = "flink";

    private static final TypeInformation<Tuple2<String, Long>> WORD_COUNT = Types.TUPLE(Types.STRING, Types.LONG);
    private static final TypeInformation<Tuple3<Long, Long, Long>> EVENT = Types.TUPLE(Types.LONG, Types.LONG, Types.LONG);

    private FlinkJobs() {}

    /** Runs {@code workload} once over {@code records} records at {@code parallelism}. */
    public static Measurement run(Workload workload, int parallelism, long records) throws Exception {
        long start = System.nanoTime();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        switch (workload) {
            case W1 -> wordCount(env, RuntimeExecutionMode.BATCH, records, new WordCountSinks.FinalCounts());
            case W2 -> wordCount(env, RuntimeExecutionMode.STREAMING, records, new WordCountSinks.LatestCounts());
            case W3 -> windowSum(env, records, false);
            case W5 -> windowSum(env, records, true);
            case W4_REBALANCE -> sequence(env, records).rebalance().addSink(new SumSink()).name("Sum");
            case W4_KEYBY -> sequence(env, records).keyBy(new WordFunctions.Identity()).addSink(new SumSink()).name("Sum");
        }
        JobExecutionResult result = env.execute("benchmark " + workload.cliName() + " p=" + parallelism + " N=" + records);
        long nanos = System.nanoTime() - start;
        return new Measurement(workload, ENGINE, parallelism, records, nanos,
                FlinkAccumulators.checksum(result), FlinkAccumulators.results(result), result.getNetRuntime());
    }

    /** words -> (word, 1) -> keyBy word -> sum(1) -> {@code sink}. */
    private static void wordCount(StreamExecutionEnvironment env, RuntimeExecutionMode mode, long records,
            SinkFunction<Tuple2<String, Long>> sink) {
        env.setRuntimeMode(mode);
        env.fromSource(new DataGeneratorSource<>(new WordFunctions.Words(), records, Types.STRING),
                        WatermarkStrategy.noWatermarks(), "Words")
                .map(new WordFunctions.ToPair(), WORD_COUNT)
                .keyBy(new WordFunctions.ByWord())
                .sum(1)
                .addSink(sink)
                .name("Checksum");
    }

    /** strided events -> timestamps and watermarks -> keyBy key -> 1 s tumbling windows -> sum -> checksum. */
    private static void windowSum(StreamExecutionEnvironment env, long records, boolean dense) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        WatermarkStrategy<Tuple3<Long, Long, Long>> watermarks = WatermarkStrategy
                .<Tuple3<Long, Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(Workloads.MAX_DELAY_MILLIS))
                .withTimestampAssigner(new WindowFunctions.EventTime());
        env.addSource(new StridedEventSource(records, dense), "Events", EVENT)
                .assignTimestampsAndWatermarks(watermarks)
                .keyBy(new WindowFunctions.EventKey())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(Workloads.WINDOW_MILLIS)))
                .aggregate(new WindowFunctions.ValueSum(), new WindowFunctions.ChecksumTerm(), Types.LONG, Types.LONG, Types.LONG)
                .addSink(new SumSink())
                .name("Checksum");
    }

    /** The longs {@code 0 .. records-1}, generated in parallel; the caller adds the exchange. */
    private static DataStream<Long> sequence(StreamExecutionEnvironment env, long records) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        return env.fromSequence(0, records - 1);
    }
}
