package org.millrace.runtime.rest.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the server answers with an error status and a message for the user, e.g. 400 for a
 * malformed job id or 404 for an unknown JAR. Handlers throw it or fail their future with it.
 */
public final class RestHandlerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;

    public RestHandlerException(HttpResponseStatus status, String message) {
        super(message);
        this.status = status;
    }

    public RestHandlerException(HttpResponseStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static RestHandlerException badRequest(String message) {
        return new RestHandlerException(HttpResponseStatus.BAD_REQUEST, message);
    }

    public static RestHandlerException notFound(String message) {
        return new RestHandlerException(HttpResponseStatus.NOT_FOUND, message);
    }

    public HttpResponseStatus status() {
        return status;
    }
}
