package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.core.execution.JobClient;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;

@Timeout(120)
class SocketStreamingITCase {

    private static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    /** Hands every record to the test thread as it arrives. */
    static final class HandOverSink implements SinkFunction<String> {
        @Override
        public void invoke(String value) {
            RECEIVED.add(value);
        }
    }

    @Test
    void bufferTimeoutDeliversRecordsOfAnOpenSocketStreamWithoutWaitingForFullBuffers() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.setBufferTimeout(20);
            env.socketTextStream("127.0.0.1", server.getLocalPort())
                    .rebalance()
                    .map(String::toUpperCase)
                    .addSink(new HandOverSink());
            JobClient job = env.executeAsync("socket job");
            try (Socket connection = server.accept();
                    Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write("hello\nworld\n");
                out.flush();
                // the socket stays open: only the buffer timeout can push these two records through
                String first = RECEIVED.poll(60, TimeUnit.SECONDS);
                String second = RECEIVED.poll(60, TimeUnit.SECONDS);
                // two sink subtasks: arrival order between them is not defined
                assertEquals(java.util.Set.of("HELLO", "WORLD"), java.util.Set.of(first, second));
                out.write("last line without newline");
            }
            // closing the socket ends the unbounded source and the job finishes
            job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            assertEquals(List.of("LAST LINE WITHOUT NEWLINE"), List.of(RECEIVED.poll(10, TimeUnit.SECONDS)));
        }
    }
}
