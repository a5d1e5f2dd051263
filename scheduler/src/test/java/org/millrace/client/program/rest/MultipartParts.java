package org.millrace.client.program.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a recorded {@code multipart/form-data} body into its parts, strictly, so tests see framing errors. */
public final class MultipartParts {

    /** One part: its form field name, file name (null for a plain field), content type and bytes. */
    public record Part(String name, String fileName, String contentType, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("; filename=\"([^\"]*)\"");

    private MultipartParts() {}

    public static List<Part> parse(String contentType, byte[] body) {
        String prefix = "multipart/form-data; boundary=";
        if (contentType == null || !contentType.startsWith(prefix)) {
            throw new AssertionError("Not a multipart content type: " + contentType);
        }
        byte[] delimiter = ("--" + contentType.substring(prefix.length())).getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = {'\r', '\n'};
        List<Part> parts = new ArrayList<>();
        int position = expect(body, 0, delimiter);
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                expect(body, position + 2, crlf);
                if (position + 4 != body.length) {
                    throw new AssertionError("Bytes after the closing delimiter");
                }
                return parts;
            }
            position = expect(body, position, crlf);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), position);
            String headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            byte[] next = concat(crlf, delimiter);
            int contentEnd = indexOf(body, next, contentStart);
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
            position = contentEnd + next.length;
        }
    }

    private static Part part(String headers, byte[] content) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            String header = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (header.equalsIgnoreCase("Content-Disposition")) {
                disposition = value;
            } else if (header.equalsIgnoreCase("Content-Type")) {
                type = value;
            }
        }
        if (disposition == null || !disposition.startsWith("form-data")) {
            throw new AssertionError("Part without form-data disposition: " + headers);
        }
        Matcher name = NAME.matcher(disposition);
        Matcher fileName = FILE_NAME.matcher(disposition);
        return new Part(name.find() ? name.group(1) : null, fileName.find() ? fileName.group(1) : null, type, content);
    }

    private static int expect(byte[] body, int position, byte[] expected) {
        if (!startsWith(body, position, expected)) {
            throw new AssertionError("Expected '" + new String(expected, StandardCharsets.US_ASCII) + "' at byte " + position);
        }
        return position + expected.length;
    }

    private static boolean startsWith(byte[] body, int position, byte[] expected) {
        return position + expected.length <= body.length
                && Arrays.equals(body, position, position + expected.length, expected, 0, expected.length);
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        for (int i = from; i + needle.length <= body.length; i++) {
            if (startsWith(body, i, needle)) {
                return i;
            }
        }
        throw new AssertionError("'" + new String(needle, StandardCharsets.US_ASCII) + "' not found after byte " + from);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
