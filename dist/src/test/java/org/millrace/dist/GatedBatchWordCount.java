package org.millrace.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.functions.FlatMapFunction;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.functions.RichMapFunction;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.core.fs.WriteMode;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.util.Collector;
import org.millrace.util.ParameterTool;

/**
 * A BATCH word count whose second stage waits, when it opens, until a gate file exists: a test can
 * kill a TaskManager while that stage is certainly running and open the gate afterwards. Packaged
 * into a JAR by the test and run with {@code bin/flink run}; tokenizes like {@link WordCountFiles}.
 */
public final class GatedBatchWordCount {

    static final String GATE_OPERATOR = "Wait For Gate";

    private GatedBatchWordCount() {}

    /** {@code --input <file> --output <dir> --gate <file>}. */
    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.readTextFile(params.getRequired("input"))
                .flatMap(new Tokenizer())
                .keyBy(new WordKey())
                .sum(1)
                .map(new WaitForGate(params.getRequired("gate"))).name(GATE_OPERATOR)
                .writeAsText(params.getRequired("output"), WriteMode.OVERWRITE);
        env.execute("gated batch word count");
    }

    /** Lower-cased words split at every character that is not a-z or 0-9, each with count 1. */
    static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            for (String word : line.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (!word.isEmpty()) {
                    out.collect(Tuple2.of(word, 1L));
                }
            }
        }
    }

    /** The word of a (word, count) pair. */
    static final class WordKey implements KeySelector<Tuple2<String, Long>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Tuple2<String, Long> value) {
            return value.f0;
        }
    }

    /** Passes records on once the gate file exists; checks for it when the subtask opens. */
    static final class WaitForGate extends RichMapFunction<Tuple2<String, Long>, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;
        private final String gate;

        WaitForGate(String gate) {
            this.gate = gate;
        }

        @Override
        public void open(OpenContext context) throws InterruptedException {
            while (!Files.exists(Path.of(gate))) {
                Thread.sleep(50); // the test opens the gate; a cancel interrupts the wait
            }
        }

        @Override
        public Tuple2<String, Long> map(Tuple2<String, Long> value) {
            return value;
        }
    }
}
