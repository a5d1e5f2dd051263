package org.millrace.client.program.rest;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code multipart/form-data} request body (RFC 7578) assembled from parts in order. Files on
 * disk are streamed by the HTTP client when the request is sent, never read into memory, so a
 * large JAR costs no heap; the body's length is still known up front.
 *
 * <pre>
 * --boundary CRLF  part headers CRLF CRLF  content CRLF
 * --boundary CRLF  ...
 * --boundary-- CRLF
 * </pre>
 *
 * A body may be sent more than once (the publishers re-read their sources), which the submission
 * retries rely on.
 */
final class MultipartBody {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final List<BodyPublisher> parts = new ArrayList<>();

    MultipartBody() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.boundary = "MillraceFormBoundary" + HexFormat.of().formatHex(random);
    }

    /** The {@code Content-Type} header value, naming the boundary. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** A form field (no file name) with the given content type, e.g. a JSON document. */
    MultipartBody addField(String name, String contentType, String value) {
        addHeader(name, null, contentType);
        parts.add(BodyPublishers.ofByteArray(value.getBytes(StandardCharsets.UTF_8)));
        parts.add(crlf());
        return this;
    }

    /** A file part whose content is already in memory. */
    MultipartBody addFile(String name, String fileName, byte[] content) {
        addHeader(name, fileName, "application/octet-stream");
        parts.add(BodyPublishers.ofByteArray(content));
        parts.add(crlf());
        return this;
    }

    /** A file part streamed from disk when the request is sent. */
    MultipartBody addFile(String name, String fileName, Path file) throws FileNotFoundException {
        BodyPublisher content = BodyPublishers.ofFile(file);
        addHeader(name, fileName, "application/octet-stream");
        parts.add(content);
        parts.add(crlf());
        return this;
    }

    /** The whole body, closing delimiter included. */
    BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(ascii("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(new BodyPublisher[0]));
    }

    private void addHeader(String name, String fileName, String contentType) {
        StringBuilder header = new StringBuilder()
                .append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
        if (fileName != null) {
            header.append("; filename=\"").append(quote(fileName)).append('"');
        }
        header.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        parts.add(BodyPublishers.ofByteArray(header.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Escapes the characters that would end a quoted header parameter, as browsers do (RFC 7578, 4.2). */
    private static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static BodyPublisher crlf() {
        return ascii("\r\n");
    }

    private static BodyPublisher ascii(String text) {
        return BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.US_ASCII));
    }
}
