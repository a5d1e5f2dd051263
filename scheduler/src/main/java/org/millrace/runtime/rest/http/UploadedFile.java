package org.millrace.runtime.rest.http;

import java.nio.file.Path;

/**
 * A file part of a multipart request, already written to disk.
 *
 * @param fieldName the form field it was sent under, e.g. {@code "jarfile"}
 * @param fileName the client's file name, reduced to its last path segment
 * @param path where it lies now; the server deletes it after the response unless the handler moved it
 */
public record UploadedFile(String fieldName, String fileName, Path path) {}
