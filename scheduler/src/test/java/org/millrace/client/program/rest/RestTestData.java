package org.millrace.client.program.rest;

import java.io.IOException;
import java.io.Serializable;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.util.InstantiationUtil;

/** Job graphs and contract-shaped JSON answers for client tests. */
public final class RestTestData {

    public static final String IN_PROGRESS = "{\"status\":{\"id\":\"IN_PROGRESS\"}}";

    private RestTestData() {}

    /** A three-vertex graph (source, map, sink) at parallelism 2 with the given job name. */
    public static JobGraph jobGraph(String name) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration(), null);
        env.setParallelism(2);
        env.fromSequence(1, 10).map(x -> x + 1).name("Increment").disableChaining()
                .addSink(new Discarding()).name("Discard");
        return env.getJobGraph(name);
    }

    /** An accumulator value as the contract sends it: base64 of its Java serialization. */
    public static String base64(Object value) throws IOException {
        return Base64.getEncoder().encodeToString(InstantiationUtil.serializeObject(value));
    }

    /** A COMPLETED execution-result answer around the given {@code job-execution-result} object. */
    public static String completed(String jobExecutionResult) {
        return "{\"status\":{\"id\":\"COMPLETED\"},\"job-execution-result\":" + jobExecutionResult + "}";
    }

    /** A COMPLETED answer for a job that SUCCEEDED with the given runtime and accumulators. */
    public static String succeeded(long netRuntime, Map<String, ? extends Serializable> accumulators) throws IOException {
        StringBuilder values = new StringBuilder();
        for (Map.Entry<String, ? extends Serializable> e : new TreeMap<>(accumulators).entrySet()) {
            values.append(values.length() == 0 ? "" : ",").append('"').append(e.getKey()).append("\":\"")
                    .append(base64(e.getValue())).append('"');
        }
        return completed("{\"application-status\":\"SUCCEEDED\",\"accumulator-results\":{" + values
                + "},\"net-runtime\":" + netRuntime + "}");
    }

    /** A port nothing listens on (it was free a moment ago). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static final class Discarding implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;
    }
}
