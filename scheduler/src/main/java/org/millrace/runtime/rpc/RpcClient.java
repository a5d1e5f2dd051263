package org.millrace.runtime.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.shuffle.netty.InternalSsl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends control messages to {@link RpcServer}s. One per process: it connects lazily, keeps one
 * TCP connection per remote address, and opens a new one on the next message after a connection
 * was lost.
 *
 * <p>Messages one thread sends to one address arrive in the order they were sent. Futures are
 * completed on the client's callback threads (a small fork-join pool, which adds a thread when a
 * callback waits on another of this client's futures), never on the I/O thread. Requests are
 * encoded on the calling thread; timeouts run on a timer thread of their own.
 *
 * <p>Failures: the remote handler's exception is an {@link RpcException}; no answer within the
 * timeout an {@link RpcTimeoutException}; a connection that cannot be opened or closes while
 * requests wait fails them at once with an {@link RpcConnectionException}, as does {@link #close()}.
 */
public final class RpcClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);

    private static final int CALLBACK_THREADS = 2;

    private final String name;
    private final NioEventLoopGroup eventLoop;
    private final ForkJoinPool callbacks;
    /** Runs the timeouts, keeping 2 tasks per request (schedule, cancel) off the I/O thread. */
    private final ScheduledThreadPoolExecutor timer;
    private final Bootstrap bootstrap;
    private final InternalSsl ssl;
    private final Map<InetSocketAddress, ClientConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong nextCorrelationId = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param name names the client's threads and log lines, e.g. "jobmanager"
     * @param connectTimeout how long opening a connection may take before the requests waiting on it fail
     */
    public RpcClient(String name, Duration connectTimeout) {
        this(name, connectTimeout, null);
    }

    /**
     * As {@link #RpcClient(String, Duration)}, speaking TLS ({@code security.ssl.internal.*}) on every
     * connection if {@code ssl} is not null; a failed handshake fails the waiting requests with an
     * {@link RpcConnectionException} saying so.
     */
    public RpcClient(String name, Duration connectTimeout, InternalSsl ssl) {
        this.name = Objects.requireNonNull(name, "name");
        this.ssl = ssl;
        long connectMillis = connectTimeout.toMillis();
        if (connectMillis <= 0 || connectMillis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connect timeout must be positive, was " + connectTimeout);
        }
        this.eventLoop = RpcThreads.eventLoop(name + " client");
        this.callbacks = new ForkJoinPool(CALLBACK_THREADS, this::newCallbackThread, null, true);
        this.timer = new ScheduledThreadPoolExecutor(1, RpcThreads.threadFactory(name, "timeouts"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.bootstrap = new Bootstrap()
                .group(eventLoop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectMillis);
    }

    /**
     * Sends a request and returns its response.
     *
     * @param responseType the generated Avro class the handler answers with
     * @return completes with the response (null if the handler answered with a plain acknowledgement),
     *     or fails with an {@link RpcException}
     * @throws IllegalArgumentException if {@code responseType} is not a generated Avro record class
     */
    @SuppressWarnings("unchecked")
    public <R extends SpecificRecord> CompletableFuture<R> ask(
            InetSocketAddress target, SpecificRecord request, Class<R> responseType, Duration timeout) {
        MessageType expected = MessageType.forClass(Objects.requireNonNull(responseType, "responseType"));
        return (CompletableFuture<R>) (CompletableFuture<?>) send(target, request, expected, timeout);
    }

    /**
     * Sends a request whose answer carries no information.
     *
     * @return completes when the remote handler has acknowledged it, or fails with an {@link RpcException}
     */
    @SuppressWarnings("unchecked")
    public CompletableFuture<Void> tell(InetSocketAddress target, SpecificRecord request, Duration timeout) {
        return (CompletableFuture<Void>) (CompletableFuture<?>) send(target, request, null, timeout);
    }

    private CompletableFuture<Object> send(
            InetSocketAddress target, SpecificRecord request, MessageType expected, Duration timeout) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        MessageType requestType = MessageType.forSchema(Objects.requireNonNull(request, "request").getSchema());
        PendingRequest pending = new PendingRequest(
                nextCorrelationId.getAndIncrement(), requestType.simpleName(), target, expected);
        if (closed) {
            pending.fail(closedFailure(pending), Runnable::run);
            return pending.future();
        }
        InetSocketAddress resolved = target.isUnresolved()
                ? new InetSocketAddress(target.getHostString(), target.getPort())
                : target;
        if (resolved.isUnresolved()) {
            pending.fail(new RpcConnectionException(
                    pending.describe() + " failed: cannot resolve host " + target.getHostString()), Runnable::run);
            return pending.future();
        }
        ByteBuf frame;
        try {
            frame = RpcFrames.message(FrameKind.REQUEST, pending.correlationId(), request, RpcFrames.MAX_FRAME_BYTES);
        } catch (Exception e) {
            pending.fail(new RpcException(pending.describe() + " failed: " + e.getMessage(), e), Runnable::run);
            return pending.future();
        }
        try {
            pending.setTimeout(timer.schedule(
                    () -> pending.fail(RpcTimeoutException.of(requestType.simpleName(), target, timeout), callbacks),
                    timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            frame.release();
            pending.fail(closedFailure(pending), Runnable::run);
            return pending.future();
        }
        while (true) {
            if (closed) {
                frame.release();
                pending.fail(closedFailure(pending), Runnable::run);
                return pending.future();
            }
            ClientConnection connection = connections.computeIfAbsent(
                    resolved, address -> new ClientConnection(address, this, callbacks));
            connection.connectIfNew(bootstrap, ssl);
            if (connection.send(pending, frame)) {
                if (closed) { // close() may have missed the connection we just created
                    connection.close(closedReason());
                }
                return pending.future();
            }
            connections.remove(resolved, connection);
        }
    }

    /** Fails every pending request with an {@link RpcConnectionException}, closes the connections and stops the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ClientConnection connection : connections.values()) {
            connection.close(closedReason());
        }
        timer.shutdownNow();
        RpcThreads.stop(timer);
        RpcThreads.stop(eventLoop);
        RpcThreads.stop(callbacks);
        LOG.debug("RPC client {} closed", name);
    }

    /** Called by a connection that closed, so the next message opens a new one. */
    void connectionClosed(InetSocketAddress address, ClientConnection connection) {
        connections.remove(address, connection);
    }

    private String closedReason() {
        return "RPC client " + name + " closed";
    }

    private RpcConnectionException closedFailure(PendingRequest pending) {
        return new RpcConnectionException(pending.describe() + " failed: " + closedReason());
    }

    private ForkJoinWorkerThread newCallbackThread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("Millrace RPC " + name + " callbacks-" + thread.getPoolIndex());
        thread.setDaemon(true);
        return thread;
    }
}
