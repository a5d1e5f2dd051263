package org.millrace.runtime.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.shuffle.netty.InternalSsl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one TCP port and hands each request to the handler registered for its message type.
 * A JobManager and every TaskManager run one.
 *
 * <p>Threads: one Netty I/O thread frames the bytes; one dispatcher thread decodes each request
 * and runs its handler, so handlers run one at a time, in arrival order per connection, and never
 * on the I/O thread. The response is encoded and sent when the handler's future completes (on the
 * dispatcher thread again if it was not complete at once).
 *
 * <p>Lifecycle: {@link #registerHandler} for each request type, {@link #start()}, ...,
 * {@link #close()}.
 */
public final class RpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private final String name;
    private final String bindHost;
    private final int port;
    private final InternalSsl ssl;
    /** Filled before start(), only read afterwards (start() publishes it to the dispatcher thread). */
    private final Map<String, Registration<?>> handlers = new HashMap<>();
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();

    private NioEventLoopGroup eventLoop;
    private ExecutorService dispatcher;
    /** Runs on the dispatcher, dropping tasks after close() (their connections are gone). */
    private Executor dispatcherOrDrop;
    private Channel serverChannel;
    private volatile InetSocketAddress address;
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param name names the server's threads and log lines, e.g. "jobmanager"
     * @param port 0 picks a free port (see {@link #getAddress()} after start)
     */
    public RpcServer(String name, String bindHost, int port) {
        this(name, bindHost, port, null);
    }

    /**
     * As {@link #RpcServer(String, String, int)}, speaking TLS ({@code security.ssl.internal.*}) on
     * every connection if {@code ssl} is not null; a client that fails the handshake is disconnected.
     */
    public RpcServer(String name, String bindHost, int port, InternalSsl ssl) {
        this.name = Objects.requireNonNull(name, "name");
        this.ssl = ssl;
        this.bindHost = Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        this.port = port;
    }

    /**
     * Registers the handler of one request type; call before {@link #start()}.
     *
     * @throws IllegalStateException after start
     * @throws IllegalArgumentException if the type already has a handler or is no generated Avro record
     */
    public synchronized <Q extends SpecificRecord> void registerHandler(Class<Q> requestType, RpcHandler<Q> handler) {
        if (started) {
            throw new IllegalStateException("RPC server " + name + " is started; register handlers before start()");
        }
        MessageType type = MessageType.forClass(requestType);
        if (handlers.putIfAbsent(type.fullName(), new Registration<>(type, Objects.requireNonNull(handler))) != null) {
            throw new IllegalArgumentException("RPC server " + name + " already has a handler for " + type.fullName());
        }
    }

    /**
     * Binds the port and starts serving.
     *
     * @return the bound address, with the actual port if 0 was asked for
     * @throws IOException naming {@code host:port} if it cannot be bound (e.g. the port is taken)
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (started) {
            throw new IllegalStateException("RPC server " + name + " already started");
        }
        started = true;
        dispatcher = Executors.newSingleThreadExecutor(RpcThreads.threadFactory(name, "dispatcher"));
        dispatcherOrDrop = task -> {
            try {
                dispatcher.execute(task);
            } catch (RejectedExecutionException e) {
                LOG.debug("RPC server {} closed; dropping a late response", name);
            }
        };
        eventLoop = RpcThreads.eventLoop(name + " server");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(eventLoop)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.closeFuture().addListener(f -> connections.remove(channel));
                        if (ssl != null) {
                            channel.pipeline().addLast("ssl", ssl.serverHandler(channel));
                        }
                        RpcFrames.installFrameDecoder(channel.pipeline());
                        channel.pipeline().addLast("requests", new ServerConnectionHandler(RpcServer.this));
                    }
                });
        try {
            serverChannel = bootstrap.bind(bindHost, port).syncUninterruptibly().channel();
        } catch (Exception e) {
            stopThreads();
            throw new IOException("Cannot start RPC server " + name + " on " + bindHost + ":" + port + ": "
                    + e.getMessage(), e);
        }
        address = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("RPC server {} listening on {}{}", name, RpcException.hostAndPort(address), ssl == null ? "" : " (TLS)");
        return address;
    }

    /** The bound address, or null before {@link #start()}. */
    public InetSocketAddress getAddress() {
        return address;
    }

    /** Stops accepting, closes every connection (callers' pending requests fail at once) and stops the threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            return;
        }
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        for (Channel connection : connections) {
            connection.close().awaitUninterruptibly();
        }
        stopThreads();
        if (address != null) {
            LOG.info("RPC server {} on {} stopped", name, RpcException.hostAndPort(address));
        }
    }

    private void stopThreads() {
        dispatcher.shutdownNow();
        RpcThreads.stop(dispatcher);
        RpcThreads.stop(eventLoop);
    }

    // ------------------------------------------------------------------ called by ServerConnectionHandler

    /** Queues a received frame for the dispatcher thread; takes ownership of it. Called on the I/O thread. */
    void enqueue(Channel channel, InboundFrame frame) {
        try {
            dispatcher.execute(() -> dispatch(channel, frame));
        } catch (RejectedExecutionException e) {
            frame.release();
        }
    }

    /** Runs on the dispatcher thread. */
    private void dispatch(Channel channel, InboundFrame frame) {
        long correlationId = frame.correlationId();
        String typeName = frame.typeName();
        try {
            if (!frame.isCurrentVersion()) {
                String message = frame.versionMismatchMessage();
                LOG.warn("RPC server {} refused a frame from {}: {}", name, channel.remoteAddress(), message);
                send(channel, RpcFrames.error(correlationId, "", RemoteFailure.refusal(message)));
                return;
            }
            if (frame.kind() != FrameKind.REQUEST) {
                LOG.warn("RPC server {}: unexpected {} frame from {}; ignored", name, frame.kind(), channel.remoteAddress());
                return;
            }
            Registration<?> registration = handlers.get(typeName);
            if (registration == null) {
                send(channel, RpcFrames.error(correlationId, typeName, RemoteFailure.refusal("no handler for " + typeName)));
                return;
            }
            if (registration.type.fingerprint() != frame.fingerprint()) {
                String message = registration.type.incompatibleMessage(frame.fingerprint());
                LOG.warn("RPC server {} refused a message from {}: {}", name, channel.remoteAddress(), message);
                send(channel, RpcFrames.error(correlationId, typeName, RemoteFailure.refusal(message)));
                return;
            }
            CompletableFuture<? extends SpecificRecord> response =
                    registration.handle(frame.body(), (InetSocketAddress) channel.remoteAddress());
            if (response == null) {
                send(channel, RpcFrames.ack(correlationId));
            } else if (response.isDone()) {
                respond(channel, correlationId, typeName, response.getNow(null), null);
            } else {
                response.whenCompleteAsync(
                        (value, failure) -> respond(channel, correlationId, typeName, value, failure), dispatcherOrDrop);
            }
        } catch (Throwable t) {
            respond(channel, correlationId, typeName, null, t);
        } finally {
            frame.release();
        }
    }

    private void respond(Channel channel, long correlationId, String requestType, SpecificRecord value, Throwable failure) {
        if (failure != null) {
            LOG.debug("RPC server {}: {} from {} failed", name, requestType, channel.remoteAddress(), failure);
            send(channel, RpcFrames.error(correlationId, requestType, RemoteFailure.of(failure)));
            return;
        }
        if (value == null) {
            send(channel, RpcFrames.ack(correlationId));
            return;
        }
        ByteBuf frame;
        try {
            frame = RpcFrames.message(FrameKind.RESPONSE, correlationId, value, RpcFrames.MAX_FRAME_BYTES);
        } catch (Exception e) {
            LOG.warn("RPC server {}: cannot encode the response to {}", name, requestType, e);
            frame = RpcFrames.error(correlationId, requestType, RemoteFailure.of(e));
        }
        send(channel, frame);
    }

    private static void send(Channel channel, ByteBuf frame) {
        // a closed channel releases the frame and fails the write; the caller learns from the lost connection
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    /** A handler with the type it reads. */
    private static final class Registration<Q> {
        final MessageType type;
        final RpcHandler<Q> handler;

        Registration(MessageType type, RpcHandler<Q> handler) {
            this.type = type;
            this.handler = handler;
        }

        CompletableFuture<? extends SpecificRecord> handle(ByteBuf body, InetSocketAddress sender) throws Exception {
            Q request = type.read(body);
            return handler.handle(request, sender);
        }
    }
}
