package org.millrace.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends real HTTP requests to a test server and parses the JSON answers. */
final class RestTestClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response with its body parsed as JSON (null if it is not JSON). */
    record Response(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
        /** The single message of an {@code {"errors":[..]}} body. */
        String error() {
            return json.get("errors").get(0).asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    RestTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, BodyPublishers.noBody(), null);
    }

    Response delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, BodyPublishers.noBody(), null);
    }

    Response postJson(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, BodyPublishers.ofString(json), "application/json");
    }

    Response post(String path, MultipartBody body) throws IOException, InterruptedException {
        return send("POST", path, BodyPublishers.ofByteArray(body.bytes()), body.contentType());
    }

    Response send(String method, String path, BodyPublisher body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return toResponse(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Response send(HttpRequest request) throws IOException, InterruptedException {
        return toResponse(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static Response toResponse(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = MAPPER.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        return new Response(response.statusCode(), json, response.body(), response.headers());
    }
}
