package org.millrace.examples.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.core.fs.WriteMode;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

@Timeout(120)
class SocketWordCountITCase {

    private static final String TEXT = "to be or not to be\nthat is the question\nTo BE, to be!\n";

    @TempDir
    Path dir;

    @Test
    void everyWordOccurrenceEmitsTheWordsRunningCountInOrder() throws Exception {
        Path output = dir.resolve("counts.txt");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serveOnce(server, TEXT));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            SocketWordCount.runningCounts(env, "localhost", server.getLocalPort())
                    .writeAsText(output.toString(), WriteMode.OVERWRITE).setParallelism(1);
            env.execute("socket word count test");
            served.join();
        }

        Map<String, List<Integer>> updatesPerWord = new LinkedHashMap<>();
        Pattern line = Pattern.compile("\\(([a-z]+),(\\d+)\\)");
        for (String text : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            Matcher m = line.matcher(text);
            assertTrue(m.matches(), text);
            updatesPerWord.computeIfAbsent(m.group(1), w -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
        }
        assertEquals(Map.of(
                "to", List.of(1, 2, 3, 4),
                "be", List.of(1, 2, 3, 4),
                "or", List.of(1),
                "not", List.of(1),
                "that", List.of(1),
                "is", List.of(1),
                "the", List.of(1),
                "question", List.of(1)), updatesPerWord);
    }

    private static void serveOnce(ServerSocket server, String text) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("test text server failed", e);
        }
    }

    @Test
    void missingPortIsReportedWithUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SocketWordCount.main(new String[] {"--hostname", "localhost"}));
        assertTrue(e.getMessage().startsWith("No port given."), e.getMessage());
    }
}
