package org.millrace.runtime.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.millrace.shuffle.netty.InternalSsl;

/**
 * The client's one TCP connection to one remote address, and the requests waiting on it.
 *
 * <pre>
 *   new ──connect──> connecting ──connected──> open ──lost / client closed──> closed
 *                    (frames queued)           (frames written)    ▲          (pending failed,
 *                          └───────────connect failed──────────────┘           removed from client)
 * </pre>
 *
 * Frames are written in the order their {@link #send} calls returned, queued ones first, so
 * messages one thread sends to one address arrive in that order. A closed connection is never
 * reused: {@link #send} returns false and the client opens a new one.
 */
final class ClientConnection {

    private final InetSocketAddress address;
    private final RpcClient client;
    private final Executor callbacks;
    private final Map<Long, PendingRequest> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean connectStarted = new AtomicBoolean();

    private final Object lock = new Object();
    /** Guarded by lock; null until connected. */
    private Channel channel;
    /** Guarded by lock; frames sent before the connection was open, null once drained or closed. */
    private List<QueuedFrame> queued = new ArrayList<>();
    /** Guarded by lock. */
    private boolean closed;

    ClientConnection(InetSocketAddress address, RpcClient client, Executor callbacks) {
        this.address = address;
        this.client = client;
        this.callbacks = callbacks;
    }

    /**
     * Starts connecting with a copy of {@code bootstrap} (group, channel type, options), once; later
     * calls do nothing. With {@code ssl} (null: plain TCP) the connection opens once its TLS
     * handshake succeeded.
     */
    void connectIfNew(Bootstrap bootstrap, InternalSsl ssl) {
        if (!connectStarted.compareAndSet(false, true)) {
            return;
        }
        ChannelFuture connect;
        try {
            connect = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel channel) {
                    if (ssl != null) {
                        channel.pipeline().addLast("ssl", ssl.clientHandler(channel));
                    }
                    RpcFrames.installFrameDecoder(channel.pipeline());
                    channel.pipeline().addLast("answers", new ClientConnectionHandler(ClientConnection.this));
                }
            }).connect(address);
        } catch (RuntimeException e) {
            onConnectFailed(e);
            return;
        }
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                onConnectFailed(f.cause());
                return;
            }
            SslHandler handshake = f.channel().pipeline().get(SslHandler.class);
            if (handshake == null) {
                onConnected(f.channel());
                return;
            }
            handshake.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    onConnected(f.channel());
                } else {
                    f.channel().close();
                    onConnectFailed(new SSLException("TLS handshake failed (security.ssl.internal.*): "
                            + h.cause().getMessage(), h.cause()));
                }
            });
        });
    }

    /**
     * Registers the request and writes (or queues) its frame, taking ownership of the frame.
     *
     * @return false, without taking the frame, if this connection is closed (the caller retries on a new one)
     */
    boolean send(PendingRequest request, ByteBuf frame) {
        Channel open;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            pending.put(request.correlationId(), request);
            request.attachTo(this);
            if (request.isFinished()) { // timed out before it got here
                pending.remove(request.correlationId());
                frame.release();
                return true;
            }
            if (channel == null) {
                queued.add(new QueuedFrame(request, frame));
                return true;
            }
            open = channel;
        }
        write(open, request, frame);
        return true;
    }

    /** The request finished (answered, timed out, ...): stop tracking it. */
    void forget(long correlationId) {
        pending.remove(correlationId);
    }

    /** Called on the I/O thread with a frame answering one of this connection's requests. */
    void onAnswer(InboundFrame frame) {
        PendingRequest request = pending.get(frame.correlationId());
        if (request == null) {
            frame.release(); // timed out meanwhile
            return;
        }
        try {
            callbacks.execute(() -> {
                try {
                    request.answer(frame);
                } finally {
                    frame.release();
                }
            });
        } catch (RejectedExecutionException e) {
            frame.release(); // the client is closing and fails the request itself
        }
    }

    /** Fails every pending request because the client closes, and closes the connection. */
    void close(String reason) {
        closeWith(request -> new RpcConnectionException(request.describe() + " failed: " + reason));
    }

    /** Called when the channel closed, by either side. */
    void onChannelClosed() {
        closeWith(request -> new RpcConnectionException(
                request.describe() + " failed: the connection closed before the answer came"));
    }

    private void onConnected(Channel connected) {
        // runs on the channel's I/O thread: the queued writes happen here and now, before any write
        // another thread submits once it sees the channel
        synchronized (lock) {
            if (closed) {
                connected.close();
                return;
            }
            channel = connected;
            for (QueuedFrame frame : queued) {
                write(connected, frame.request, frame.frame);
            }
            queued = null;
        }
        connected.closeFuture().addListener(f -> onChannelClosed());
    }

    private void onConnectFailed(Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        closeWith(request -> new RpcConnectionException(
                request.describe() + " failed: cannot connect to " + RpcException.hostAndPort(address) + ": " + reason,
                cause));
    }

    private void write(Channel open, PendingRequest request, ByteBuf frame) {
        open.writeAndFlush(frame).addListener(f -> {
            if (!f.isSuccess()) {
                request.fail(new RpcConnectionException(
                        request.describe() + " failed: cannot send: " + f.cause(), f.cause()), callbacks);
            }
        });
    }

    private void closeWith(Function<PendingRequest, RpcConnectionException> failure) {
        Channel open;
        List<QueuedFrame> unsent;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            open = channel;
            unsent = queued;
            queued = null;
        }
        client.connectionClosed(address, this);
        if (unsent != null) {
            for (QueuedFrame frame : unsent) {
                frame.frame.release();
            }
        }
        for (PendingRequest request : pending.values()) {
            request.fail(failure.apply(request), callbacks);
        }
        if (open != null) {
            open.close();
        }
    }

    /** A frame waiting for the connection to open. */
    private record QueuedFrame(PendingRequest request, ByteBuf frame) {}
}
