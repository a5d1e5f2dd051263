package org.millrace.runtime.rest.http;

import java.util.concurrent.CompletableFuture;

/**
 * Answers one kind of request. Called on a Netty event-loop thread, so it must not block: it
 * returns at once with a future (of a gateway call, or of work handed to an executor).
 *
 * <p>Failing (by throwing or through the future) with a {@link RestHandlerException} answers with
 * its status and message; the dispatcher maps the gateway's not-found and submission failures to
 * 404 and 400, and anything else to 500 (logged with its stack trace).
 */
@FunctionalInterface
public interface RestHandler {

    CompletableFuture<RestResponse> handle(RestRequest request) throws RestHandlerException;
}
