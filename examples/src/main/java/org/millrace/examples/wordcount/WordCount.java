package org.millrace.examples.wordcount;

import java.util.List;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.core.fs.WriteMode;
import org.millrace.examples.util.WordKey;
import org.millrace.examples.util.WordTokenizer;
import org.millrace.streaming.api.datastream.DataStream;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.util.ParameterTool;

/**
 * Counts words in text files, as a batch job: the "hello world" of Millrace and the job that
 * {@code bin/flink} is checked with.
 *
 * <pre>
 * bin/flink run examples/target/WordCount.jar [--input &lt;file or dir&gt; ...] [--output &lt;path&gt;] [--parallelism &lt;n&gt;]
 * </pre>
 *
 * Words are runs of ASCII letters and digits, lower-cased (see {@link WordTokenizer}). The result
 * is one {@code (word,count)} line per distinct word, in no particular order: written to
 * {@code --output} (a file at parallelism 1, else a directory of files {@code 1..n}; an existing
 * target is replaced), or printed to standard out. Without {@code --input} it counts
 * {@link WordCountData}.
 */
public final class WordCount {

    private WordCount() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        if (params.has("parallelism")) {
            env.setParallelism(params.getInt("parallelism", env.getParallelism()));
        }

        DataStream<Tuple2<String, Integer>> counts = text(env, List.copyOf(params.getMultiParameter("input")))
                .flatMap(new WordTokenizer()).name("tokenizer")
                .keyBy(new WordKey())
                .sum(1).name("counter");

        String output = params.get("output");
        if (output != null) {
            counts.writeAsText(output, WriteMode.OVERWRITE).name("file-sink");
        } else {
            System.out.println("Printing result to stdout. Use --output to specify output path.");
            counts.print().name("print-sink");
        }
        env.execute("WordCount");
    }

    private static DataStream<String> text(StreamExecutionEnvironment env, List<String> inputs) {
        if (inputs.isEmpty()) {
            System.out.println("Executing WordCount example with default input data set.");
            System.out.println("Use --input to specify file input.");
            return env.fromElements(WordCountData.LINES).name("in-memory-input");
        }
        DataStream<String> text = env.readTextFile(inputs.get(0));
        for (String input : inputs.subList(1, inputs.size())) {
            text = text.union(env.readTextFile(input));
        }
        return text;
    }
}
