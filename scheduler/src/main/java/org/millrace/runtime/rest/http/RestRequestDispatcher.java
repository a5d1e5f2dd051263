package org.millrace.runtime.rest.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.millrace.runtime.dispatcher.JobNotFoundException;
import org.millrace.runtime.dispatcher.JobSubmissionException;
import org.millrace.runtime.dispatcher.NotLeaderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of the pipeline: routes each complete request, calls its {@link RestHandler} and
 * writes the answer, mapping failures to JSON errors (404 unknown path, 405 wrong method, 400 / 404
 * from handlers and the gateway, 500 for anything unexpected, logged with its stack trace).
 *
 * <p>Handlers answer asynchronously, possibly out of order; responses are written in request order
 * (HTTP/1.1 pipelining) by chaining each write behind the previous one on the channel's event loop.
 */
final class RestRequestDispatcher extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RestRequestDispatcher.class);

    private final Router router;
    /** Completes when the previous response was handed to Netty; only touched on the event loop. */
    private CompletableFuture<Void> previousWrite = CompletableFuture.completedFuture(null);

    RestRequestDispatcher(Router router) {
        this.router = router;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof FullHttpRequest full) {
                if (full.decoderResult().isFailure()) {
                    HttpResponses.sendErrorAndClose(ctx, HttpResponseStatus.BAD_REQUEST,
                            "Malformed HTTP request: " + full.decoderResult().cause().getMessage());
                    return;
                }
                dispatch(ctx, RestRequest.of(full));
            } else if (msg instanceof RestRequest request) {
                dispatch(ctx, request);
            } else {
                LOG.warn("Dropping an unexpected message of type {}", msg.getClass().getName());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, RestRequest request) {
        CompletableFuture<FullHttpResponse> response = respond(request)
                .handle((answer, failure) -> failure == null
                        ? HttpResponses.json(answer.status(), answer.body())
                        : errorResponse(request, failure))
                .exceptionally(t -> {
                    LOG.error("Could not build the response to {}", request, t);
                    return HttpResponses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error");
                })
                .whenComplete((r, t) -> deleteUploads(request));
        boolean keepAlive = request.isKeepAlive();
        previousWrite = previousWrite
                .thenCompose(ignored -> response)
                .thenAcceptAsync(r -> write(ctx, r, keepAlive), ctx.executor())
                .exceptionally(t -> {
                    LOG.warn("Could not write the response to {}; closing the connection", request, t);
                    ctx.channel().close();
                    return null;
                });
    }

    private CompletableFuture<RestResponse> respond(RestRequest request) {
        Router.Result result = router.route(request.method(), request.path());
        if (result instanceof Router.Found found) {
            try {
                CompletableFuture<RestResponse> answer = found.handler().handle(request.withPathParameters(found.pathParameters()));
                return answer != null ? answer : CompletableFuture.failedFuture(new IllegalStateException("The handler of " + request + " returned no future"));
            } catch (Throwable t) {
                return CompletableFuture.failedFuture(t);
            }
        }
        if (result instanceof Router.MethodNotAllowed notAllowed) {
            return CompletableFuture.failedFuture(new MethodNotAllowedException(request, notAllowed.allowedMethods()));
        }
        return CompletableFuture.failedFuture(RestHandlerException.notFound("Not found: " + request.path()));
    }

    /** A 405 carrying the methods for the {@code Allow} header. */
    private static final class MethodNotAllowedException extends Exception {
        private static final long serialVersionUID = 1L;
        final String allowed;

        MethodNotAllowedException(RestRequest request, List<HttpMethod> allowedMethods) {
            this(request, allowedMethods.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
        }

        private MethodNotAllowedException(RestRequest request, String allowed) {
            super("Method " + request.method() + " is not allowed on " + request.path() + " (allowed: " + allowed + ")", null, false, false);
            this.allowed = allowed;
        }
    }

    private static FullHttpResponse errorResponse(RestRequest request, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RestHandlerException e) {
            if (e.getCause() != null) {
                LOG.debug("Request {} answered with {}", request, e.status(), e);
            }
            return HttpResponses.error(e.status(), e.getMessage());
        }
        if (cause instanceof MethodNotAllowedException e) {
            FullHttpResponse response = HttpResponses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, e.getMessage());
            response.headers().set(HttpHeaderNames.ALLOW, e.allowed);
            return response;
        }
        if (cause instanceof JobNotFoundException) {
            return HttpResponses.error(HttpResponseStatus.NOT_FOUND, cause.getMessage());
        }
        if (cause instanceof NotLeaderException) {
            return HttpResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, cause.getMessage());
        }
        if (cause instanceof JobSubmissionException) {
            LOG.info("Rejected a job submission: {}", cause.getMessage());
            return HttpResponses.error(HttpResponseStatus.BAD_REQUEST, cause.getMessage());
        }
        LOG.error("Unexpected failure while answering {}", request, cause);
        String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
        return HttpResponses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error: " + detail);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void deleteUploads(RestRequest request) {
        try {
            request.deleteUploads();
        } catch (IOException e) {
            LOG.warn("Could not delete the uploaded files of {}", request, e);
        }
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            response.release();
            return;
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("I/O error on REST connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.error("Unexpected error on REST connection {}; closing it", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
