package org.millrace.runtime.rpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request of an {@link RpcClient} waiting for its answer. Exactly one of answer, error,
 * timeout, connection loss and client close finishes it ({@link #claim()} decides which); the
 * caller's future is completed on the client's callback threads, never on an I/O thread, so
 * whatever the caller chained onto it cannot stall the connection.
 */
final class PendingRequest {

    private final long correlationId;
    private final String requestType;
    private final InetSocketAddress target;
    /** The expected response type, or null for a tell (any answer is an acknowledgement). */
    private final MessageType responseType;
    private final CompletableFuture<Object> future = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile ScheduledFuture<?> timeout;
    private volatile ClientConnection connection;

    PendingRequest(long correlationId, String requestType, InetSocketAddress target, MessageType responseType) {
        this.correlationId = correlationId;
        this.requestType = requestType;
        this.target = target;
        this.responseType = responseType;
    }

    long correlationId() {
        return correlationId;
    }

    CompletableFuture<Object> future() {
        return future;
    }

    boolean isFinished() {
        return finished.get();
    }

    void setTimeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
        if (finished.get()) {
            timeout.cancel(false);
        }
    }

    void attachTo(ClientConnection connection) {
        this.connection = connection;
    }

    /** "EchoRequest to host:port", how every failure message of this request starts. */
    String describe() {
        return requestType + " to " + RpcException.hostAndPort(target);
    }

    /** Fails the request unless it is already finished, completing the future on {@code callbacks}. */
    void fail(RpcException failure, Executor callbacks) {
        if (claim()) {
            runOn(callbacks, () -> future.completeExceptionally(failure));
        }
    }

    /** Finishes the request with the answer in {@code frame}; runs on a callback thread. */
    void answer(InboundFrame frame) {
        if (!claim()) {
            return; // timed out or failed meanwhile
        }
        try {
            future.complete(interpret(frame));
        } catch (RpcException e) {
            future.completeExceptionally(e);
        } catch (RuntimeException e) {
            future.completeExceptionally(new RpcException(describe() + " failed: cannot read the answer: " + e, e));
        }
    }

    private Object interpret(InboundFrame frame) throws RpcException {
        if (!frame.isCurrentVersion()) {
            throw new RpcException(describe() + " failed: " + frame.versionMismatchMessage());
        }
        switch (frame.kind()) {
            case ACK:
                return null;
            case RESPONSE:
                return responseType == null ? null : decodeResponse(frame);
            case ERROR:
                RemoteFailure failure = RemoteFailure.readFrom(frame.body());
                boolean handlerFailed = !failure.exceptionClass().isEmpty();
                throw new RpcException(describe() + " failed: " + failure.describe(), null,
                        handlerFailed ? failure.exceptionClass() : null,
                        handlerFailed ? failure.stackTrace() : null);
            default:
                throw new RpcException(describe() + " failed: the peer answered with a " + frame.kind() + " frame");
        }
    }

    private Object decodeResponse(InboundFrame frame) throws RpcException {
        if (!frame.typeName().equals(responseType.fullName())) {
            throw new RpcException(describe() + " failed: the peer answered with " + frame.typeName()
                    + ", expected " + responseType.fullName());
        }
        if (frame.fingerprint() != responseType.fingerprint()) {
            throw new RpcException(describe() + " failed: " + responseType.incompatibleMessage(frame.fingerprint()));
        }
        try {
            return responseType.read(frame.body());
        } catch (IOException e) {
            throw new RpcException(describe() + " failed: cannot decode " + responseType.fullName() + ": " + e, e);
        }
    }

    /** True for the one caller that finishes this request; it stops the timer and leaves the connection. */
    private boolean claim() {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        ScheduledFuture<?> timer = timeout;
        if (timer != null) {
            timer.cancel(false);
        }
        ClientConnection owner = connection;
        if (owner != null) {
            owner.forget(correlationId);
        }
        return true;
    }

    private static void runOn(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // the client is closing: complete here rather than never
        }
    }
}
