package org.millrace.examples.socket;

import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.examples.util.WordKey;
import org.millrace.examples.util.WordTokenizer;
import org.millrace.streaming.api.datastream.DataStream;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.util.ParameterTool;

/**
 * Running word counts over lines read from a TCP socket, as a streaming job: every word occurrence
 * prints the word's count so far, {@code (word,n)}. The job ends when the peer closes the socket.
 *
 * <pre>
 * nc -lk 9999                      # in one terminal; type lines
 * bin/flink run examples/target/SocketWordCount.jar --port 9999 [--hostname localhost]
 * </pre>
 */
public final class SocketWordCount {

    private SocketWordCount() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        if (!params.has("port")) {
            throw new IllegalArgumentException("No port given. Run 'SocketWordCount --hostname <hostname> --port <port>'"
                    + " and start a text server first, e.g. 'nc -lk <port>'.");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        runningCounts(env, params.get("hostname", "localhost"), params.getInt("port", 0)).print().name("print-sink");
        env.execute("Socket WordCount");
    }

    /** The program without its sink: running {@code (word, count)} updates of the socket's text. */
    public static DataStream<Tuple2<String, Integer>> runningCounts(StreamExecutionEnvironment env, String hostname, int port) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        return env.socketTextStream(hostname, port)
                .flatMap(new WordTokenizer()).name("tokenizer")
                .keyBy(new WordKey())
                .sum(1).name("running-counter");
    }
}
