package org.millrace.client.program.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One JobManager REST endpoint ({@code http://host:port}) seen as JSON in, JSON out: sends a
 * request with the client's timeout and turns every way it can fail into a
 * {@link RestClientException} whose message a user can act on. Error answers carry the server's
 * {@code {"errors":[...]}} text; transport failures name the address and what to check.
 */
final class RestEndpoint {

    private static final int MAX_UNSTRUCTURED_ERROR_CHARS = 300;

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final ObjectMapper json;

    RestEndpoint(HttpClient http, String host, int port, Duration timeout, ObjectMapper json) {
        this.http = http;
        this.baseUrl = "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        this.timeout = timeout;
        this.json = json;
    }

    /** {@code http://host:port}, as the user reads it in messages. */
    String baseUrl() {
        return baseUrl;
    }

    /** A request builder for {@code path} (starting with '/') with the client timeout. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).header("Accept", "application/json");
    }

    /**
     * Sends the request; the future completes with the answer's JSON (an empty object for an empty
     * body) or fails with a {@link RestClientException}.
     */
    CompletableFuture<JsonNode> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(transportFailure(request, unwrap(failure)));
                    }
                    try {
                        return parse(request, response);
                    } catch (RestClientException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    private JsonNode parse(HttpRequest request, HttpResponse<String> response) throws RestClientException {
        String body = response.body() == null ? "" : response.body();
        int status = response.statusCode();
        JsonNode node = null;
        if (!body.isBlank()) {
            try {
                node = json.readTree(body);
            } catch (IOException e) {
                if (status < 400) {
                    throw new RestClientException("The JobManager at " + baseUrl + " answered " + describe(request)
                            + " with a body that is not JSON: " + abbreviate(body), status, e);
                }
            }
        }
        if (status >= 400) {
            throw new RestClientException(errorText(status, node, body), status, null);
        }
        return node != null ? node : json.createObjectNode();
    }

    /** The server's {@code errors} joined with "; ", or the status and the start of the body. */
    private static String errorText(int status, JsonNode node, String body) {
        if (node != null && node.path("errors").isArray() && !node.path("errors").isEmpty()) {
            List<String> errors = new ArrayList<>();
            node.path("errors").forEach(e -> errors.add(e.asText()));
            return String.join("; ", errors);
        }
        return "HTTP status " + status + (body.isBlank() ? "" : ": " + abbreviate(body));
    }

    private RestClientException transportFailure(HttpRequest request, Throwable failure) {
        if (failure instanceof RestClientException e) {
            return e;
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return new RestClientException("Could not connect to the JobManager at " + baseUrl + " within "
                    + formatTimeout() + " (client.timeout); is the address right and the network open?",
                    RestClientException.NO_RESPONSE, failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return new RestClientException("The JobManager at " + baseUrl + " did not answer " + describe(request)
                    + " within " + formatTimeout() + " (client.timeout)", RestClientException.NO_RESPONSE, failure);
        }
        // after the timeouts: the JDK gives a connect timeout a ConnectException as its cause
        ConnectException refused = connectionRefusal(failure);
        if (refused != null) {
            return new RestClientException(connectionRefusedMessage(), RestClientException.NO_RESPONSE, refused);
        }
        return new RestClientException("Request " + describe(request) + " to the JobManager at " + baseUrl
                + " failed: " + failure, RestClientException.NO_RESPONSE, failure);
    }

    private String connectionRefusedMessage() {
        return "Could not connect to the JobManager at " + baseUrl
                + " (is the cluster running? check rest.address / rest.port or -m)";
    }

    private String formatTimeout() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** The {@link ConnectException} in the failure's cause chain (nothing listens at the address), or null. */
    private static ConnectException connectionRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException refused) {
                return refused;
            }
        }
        return null;
    }

    /** The failure without the {@link CompletionException} / {@code ExecutionException} wrappers of futures. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getRawPath();
    }

    private static String abbreviate(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_UNSTRUCTURED_ERROR_CHARS ? oneLine
                : oneLine.substring(0, MAX_UNSTRUCTURED_ERROR_CHARS) + "...";
    }
}
