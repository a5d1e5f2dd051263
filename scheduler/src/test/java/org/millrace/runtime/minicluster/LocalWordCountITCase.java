package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.functions.FlatMapFunction;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.util.Collector;

@Timeout(120)
class LocalWordCountITCase {

    private static final String[] TEXT = {
        "To be, or not to be, that is the question:",
        "Whether 'tis nobler in the mind to suffer",
        "The slings and arrows of outrageous fortune,",
        "Or to take arms against a sea of troubles"
    };

    private static Map<String, Integer> expectedCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : TEXT) {
            for (String w : line.toLowerCase().split("\\W+")) {
                if (!w.isEmpty()) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Splits lines into (word, 1). */
    static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            for (String w : line.toLowerCase().split("\\W+")) {
                if (!w.isEmpty()) {
                    out.collect(Tuple2.of(w, 1));
                }
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void batchWordCountEmitsOneExactCountPerWord(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        TestingCollectSink<Tuple2<String, Integer>> sink = new TestingCollectSink<>();
        env.fromElements(TEXT).flatMap(new Tokenizer()).keyBy(t -> t.f0).sum(1).addSink(sink);
        env.execute("batch word count");

        List<Tuple2<String, Integer>> rows = sink.drain();
        Map<String, Integer> actual = new HashMap<>();
        for (Tuple2<String, Integer> row : rows) {
            assertEquals(null, actual.put(row.f0, row.f1), "more than one row for " + row.f0);
        }
        assertEquals(expectedCounts(), actual);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void streamingWordCountEmitsRunningCountsEndingAtTheTotals(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<Tuple2<String, Integer>> sink = new TestingCollectSink<>();
        env.fromElements(TEXT).flatMap(new Tokenizer()).keyBy(t -> t.f0).sum(1).addSink(sink);
        env.execute("streaming word count");

        List<Tuple2<String, Integer>> rows = sink.drain();
        Map<String, Integer> expected = expectedCounts();
        int totalWords = expected.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(totalWords, rows.size(), "one running update per word occurrence");
        Map<String, Integer> last = new HashMap<>();
        for (Tuple2<String, Integer> row : rows) {
            last.merge(row.f0, row.f1, Math::max);
        }
        assertEquals(expected, last);
    }

    @Test
    void lambdaWordCountWithoutDeclaredTypesCountsCorrectly() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        TestingCollectSink<Tuple2<String, Integer>> sink = new TestingCollectSink<>();
        env.fromElements(TEXT)
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String w : line.toLowerCase().split("\\W+")) {
                        if (!w.isEmpty()) {
                            out.collect(Tuple2.of(w, 1));
                        }
                    }
                })
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(sink);
        env.execute("lambda word count");
        Map<String, Integer> actual = new HashMap<>();
        for (Tuple2<String, Integer> row : sink.drain()) {
            actual.put(row.f0, row.f1);
        }
        assertEquals(expectedCounts(), actual);
    }
}
