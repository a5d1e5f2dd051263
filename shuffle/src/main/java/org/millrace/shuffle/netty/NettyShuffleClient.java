package org.millrace.shuffle.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The TaskExecutor's connection manager for remote input channels: one {@link PartitionRequestClient}
 * (TCP connection) per remote TaskExecutor address, created on first use and shared by every channel
 * reading from that address; channels are told apart by a receiver id unique within this client.
 * A connection that closes is forgotten, so the next channel to that address reconnects.
 */
public final class NettyShuffleClient implements AutoCloseable {

    private final NioEventLoopGroup eventLoops;
    private final Bootstrap bootstrap;
    private final ConcurrentHashMap<InetSocketAddress, CompletableFuture<PartitionRequestClient>> connections =
            new ConcurrentHashMap<>();
    private final AtomicLong receiverIds = new AtomicLong();
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private volatile boolean closed;

    /**
     * @param threads event-loop threads shared by all connections
     * @param initialBackoffMillis wait before re-requesting a partition the server did not know yet
     * @param maxBackoffMillis the wait doubles per retry; no retry once it would exceed this
     */
    public NettyShuffleClient(int threads, long initialBackoffMillis, long maxBackoffMillis) {
        this(threads, initialBackoffMillis, maxBackoffMillis, null);
    }

    /**
     * As {@link #NettyShuffleClient(int, long, long)}, speaking TLS on every connection if
     * {@code ssl} is not null; a connection counts as established once its handshake succeeded.
     */
    public NettyShuffleClient(int threads, long initialBackoffMillis, long maxBackoffMillis, InternalSsl ssl) {
        this.eventLoops = NettyEventLoops.create("Client", threads);
        this.initialBackoffMillis = initialBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.bootstrap = new Bootstrap()
                .group(eventLoops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            channel.pipeline().addLast("ssl", ssl.clientHandler(channel));
                        }
                        NettyProtocol.installCodec(channel.pipeline());
                        channel.pipeline().addLast("responses", new ClientResponseHandler());
                    }
                });
    }

    long nextReceiverId() {
        return receiverIds.getAndIncrement();
    }

    long initialBackoffMillis() {
        return initialBackoffMillis;
    }

    long maxBackoffMillis() {
        return maxBackoffMillis;
    }

    /**
     * The connection to {@code address}, connecting (and waiting for it) if there is none.
     *
     * @throws IOException if the connection cannot be established, naming the address
     */
    PartitionRequestClient connect(InetSocketAddress address) throws IOException {
        if (closed) {
            throw new IllegalStateException("Shuffle client is closed");
        }
        CompletableFuture<PartitionRequestClient> created = new CompletableFuture<>();
        CompletableFuture<PartitionRequestClient> existing = connections.putIfAbsent(address, created);
        if (existing == null) {
            existing = created;
            bootstrap.connect(address).addListener((ChannelFuture future) -> onConnected(address, created, future));
        }
        try {
            return existing.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw new IOException("Cannot connect to the TaskExecutor at " + address + ": " + cause.getMessage(), cause);
        }
    }

    private void onConnected(
            InetSocketAddress address, CompletableFuture<PartitionRequestClient> slot, ChannelFuture future) {
        if (!future.isSuccess()) {
            connections.remove(address, slot);
            slot.completeExceptionally(future.cause());
            return;
        }
        Channel channel = future.channel();
        channel.closeFuture().addListener(f -> connections.remove(address, slot));
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl == null) {
            slot.complete(new PartitionRequestClient(channel, channel.pipeline().get(ClientResponseHandler.class)));
            return;
        }
        ssl.handshakeFuture().addListener(handshake -> {
            if (handshake.isSuccess()) {
                slot.complete(new PartitionRequestClient(channel, channel.pipeline().get(ClientResponseHandler.class)));
            } else {
                connections.remove(address, slot);
                channel.close();
                slot.completeExceptionally(new IOException("TLS handshake failed (security.ssl.internal.*): "
                        + handshake.cause().getMessage(), handshake.cause()));
            }
        });
    }

    /** Number of open connections (one per remote TaskExecutor in use). */
    public int getNumberOfConnections() {
        return connections.size();
    }

    /** Closes every connection (registered channels fail) and stops the event loops. */
    @Override
    public void close() {
        closed = true;
        List<CompletableFuture<PartitionRequestClient>> open = new ArrayList<>(connections.values());
        for (CompletableFuture<PartitionRequestClient> connection : open) {
            PartitionRequestClient client = connection.getNow(null);
            if (client != null) {
                client.close();
            }
        }
        connections.clear();
        NettyEventLoops.shutdown(eventLoops);
    }
}
