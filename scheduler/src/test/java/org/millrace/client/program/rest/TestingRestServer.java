package org.millrace.client.program.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.millrace.configuration.Configuration;

/**
 * A hand-written stand-in for a JobManager's REST endpoint, on a JDK {@link HttpServer} bound to
 * 127.0.0.1 and a free port: answers scripted per method and path, and records every request it
 * got. An answer list is served in order, the last one repeating (e.g. two "in progress" answers,
 * then "completed" forever). Exact paths are looked up before patterns ({@link #onMatching}, for
 * paths with a job id the test does not know in advance). Unscripted requests get the contract's
 * 404 shape.
 */
public final class TestingRestServer implements AutoCloseable {

    /** A scripted answer; {@code delayUntilClosed} holds the answer back until the server closes. */
    public record Answer(int status, String body, boolean delayUntilClosed) {
        public static Answer json(int status, String body) {
            return new Answer(status, body, false);
        }

        public static Answer never() {
            return new Answer(200, "{}", true);
        }
    }

    /** A request as received: method, path with query, Content-Type and body bytes. */
    public record RecordedRequest(String method, String pathAndQuery, String contentType, byte[] body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Object closed = new Object();
    private volatile boolean isClosed;

    public TestingRestServer() throws IOException {
        this(0);
    }

    /** A server on the given port (0: any free port). */
    public TestingRestServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A client configuration pointing at this server. */
    public Configuration clientConfiguration() {
        Configuration conf = new Configuration();
        conf.set(RestClientOptions.ADDRESS, "127.0.0.1");
        conf.set(RestClientOptions.PORT, port());
        return conf;
    }

    /** Scripts the answers to {@code method pathAndQuery}, served in order, the last one repeating. */
    public TestingRestServer on(String method, String pathAndQuery, Answer... scripted) {
        answers.put(method + " " + pathAndQuery, List.of(scripted));
        return this;
    }

    /** Scripts the answers to {@code method} on every path (with query) matching {@code pathRegex}. */
    public TestingRestServer onMatching(String method, String pathRegex, Answer... scripted) {
        patterns.put(method + " " + pathRegex, Pattern.compile(pathRegex));
        answers.put(method + " " + pathRegex, List.of(scripted));
        return this;
    }

    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** The recorded requests with the given method and path (with query). */
    public List<RecordedRequest> requests(String method, String pathAndQuery) {
        return requests.stream().filter(r -> r.method().equals(method) && r.pathAndQuery().equals(pathAndQuery)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), pathAndQuery,
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            String scriptKey = scriptKey(exchange.getRequestMethod(), pathAndQuery);
            List<Answer> script = scriptKey == null ? null : answers.get(scriptKey);
            Answer answer;
            if (script == null) {
                answer = Answer.json(404, "{\"errors\":[\"Not found: " + pathAndQuery + "\"]}");
            } else {
                int index = served.merge(scriptKey, 1, Integer::sum) - 1;
                answer = script.get(Math.min(index, script.size() - 1));
            }
            if (answer.delayUntilClosed()) {
                awaitClose();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            if (!isClosed) {
                throw e;
            }
        }
    }

    private String scriptKey(String method, String pathAndQuery) {
        String exact = method + " " + pathAndQuery;
        if (answers.containsKey(exact) && !patterns.containsKey(exact)) {
            return exact;
        }
        for (Map.Entry<String, Pattern> pattern : patterns.entrySet()) {
            if (pattern.getKey().startsWith(method + " ") && pattern.getValue().matcher(pathAndQuery).matches()) {
                return pattern.getKey();
            }
        }
        return null;
    }

    private void awaitClose() {
        synchronized (closed) {
            while (!isClosed) {
                try {
                    closed.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (closed) {
            isClosed = true;
            closed.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The testing REST server's threads did not stop");
        }
    }
}
