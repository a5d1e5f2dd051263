package org.millrace.runtime.rest.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complete request as handlers see it: method, path (without query and {@code /v1} prefix), path
 * and query parameters, and either a small body in memory or, for multipart requests, form fields
 * and files already written to disk. Immutable; it owns no Netty buffers.
 */
public final class RestRequest {

    private final HttpMethod method;
    private final String path;
    private final Map<String, List<String>> queryParameters;
    private final HttpHeaders headers;
    private final boolean keepAlive;
    private final byte[] body;
    private final Map<String, String> formFields;
    private final List<UploadedFile> uploadedFiles;
    private final Path uploadDirectory;
    private final Map<String, String> pathParameters;

    private RestRequest(HttpMethod method, String path, Map<String, List<String>> queryParameters, HttpHeaders headers,
            boolean keepAlive, byte[] body, Map<String, String> formFields, List<UploadedFile> uploadedFiles,
            Path uploadDirectory, Map<String, String> pathParameters) {
        this.method = method;
        this.path = path;
        this.queryParameters = queryParameters;
        this.headers = headers;
        this.keepAlive = keepAlive;
        this.body = body;
        this.formFields = formFields;
        this.uploadedFiles = uploadedFiles;
        this.uploadDirectory = uploadDirectory;
        this.pathParameters = pathParameters;
    }

    /** A request with its body in memory (copied, so the caller still releases {@code request}). */
    public static RestRequest of(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        return new RestRequest(request.method(), uri.rawPath(), uri.parameters(), request.headers().copy(),
                HttpUtil.isKeepAlive(request), ByteBufUtil.getBytes(request.content()), Map.of(), List.of(), null, Map.of());
    }

    /**
     * A multipart request whose parts were decoded to {@code formFields} and {@code files}.
     *
     * @param uploadDirectory holds the files; deleted by {@link #deleteUploads()}
     */
    public static RestRequest multipart(HttpRequest request, Map<String, String> formFields, List<UploadedFile> files,
            Path uploadDirectory) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        return new RestRequest(request.method(), uri.rawPath(), uri.parameters(), request.headers().copy(),
                HttpUtil.isKeepAlive(request), new byte[0], Map.copyOf(formFields), List.copyOf(files), uploadDirectory,
                Map.of());
    }

    /** This request with the parameters its route template bound. */
    public RestRequest withPathParameters(Map<String, String> parameters) {
        return new RestRequest(method, path, queryParameters, headers, keepAlive, body, formFields, uploadedFiles,
                uploadDirectory, Map.copyOf(parameters));
    }

    public HttpMethod method() {
        return method;
    }

    /** The raw (still percent-encoded) path without the query string. */
    public String path() {
        return path;
    }

    /** The value bound to {@code :name} in the route template. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route has no path parameter ':" + name + "'");
        }
        return value;
    }

    /** The first value of a query parameter, if present. */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public HttpHeaders headers() {
        return headers;
    }

    public boolean isKeepAlive() {
        return keepAlive;
    }

    public boolean isMultipart() {
        return uploadDirectory != null;
    }

    /** The body of a non-multipart request (empty if none); do not modify. */
    public byte[] body() {
        return body;
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** Non-file form fields of a multipart request, by name. */
    public Map<String, String> formFields() {
        return formFields;
    }

    /** File parts of a multipart request, in the order received. */
    public List<UploadedFile> uploadedFiles() {
        return uploadedFiles;
    }

    /** Deletes the files of a multipart request that handlers did not move elsewhere. */
    public void deleteUploads() throws IOException {
        if (uploadDirectory != null) {
            FileTrees.deleteRecursively(uploadDirectory);
        }
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
