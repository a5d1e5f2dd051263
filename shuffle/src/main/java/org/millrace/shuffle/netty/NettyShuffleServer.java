package org.millrace.shuffle.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.millrace.shuffle.partition.ResultPartitionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskExecutor's data server: remote input channels connect here and read the subpartitions of
 * the partitions registered with its {@link ResultPartitionManager}. One per TaskExecutor.
 *
 * <p>Pipeline per connection: TLS (optional, {@link InternalSsl}), frame decoder, message decoder, message encoder,
 * {@link ServerRequestHandler} (requests in), {@link PartitionRequestQueue} (buffers out against credit).
 */
public final class NettyShuffleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyShuffleServer.class);

    private final NioEventLoopGroup eventLoops;
    private final Channel serverChannel;
    private final InetSocketAddress address;

    private NettyShuffleServer(NioEventLoopGroup eventLoops, Channel serverChannel) {
        this.eventLoops = eventLoops;
        this.serverChannel = serverChannel;
        this.address = (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Binds a server to {@code bindHost:port} ({@code port} 0 picks a free port; see {@link #getAddress()}).
     *
     * @param threads event-loop threads, accepting and serving connections
     * @throws IOException if the address cannot be bound, naming it
     */
    public static NettyShuffleServer start(ResultPartitionManager partitionManager, String bindHost, int port, int threads)
            throws IOException {
        return start(partitionManager, bindHost, port, threads, null);
    }

    /**
     * As {@link #start(ResultPartitionManager, String, int, int)}, speaking TLS on every connection
     * if {@code ssl} is not null (a client that fails the handshake is disconnected).
     */
    public static NettyShuffleServer start(ResultPartitionManager partitionManager, String bindHost, int port, int threads,
                                           InternalSsl ssl) throws IOException {
        NioEventLoopGroup group = NettyEventLoops.create("Server", threads);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        PartitionRequestQueue queue = new PartitionRequestQueue();
                        if (ssl != null) {
                            channel.pipeline().addLast("ssl", ssl.serverHandler(channel));
                        }
                        NettyProtocol.installCodec(channel.pipeline());
                        channel.pipeline().addLast("requests", new ServerRequestHandler(partitionManager, queue));
                        channel.pipeline().addLast("sender", queue);
                    }
                });
        try {
            Channel channel = bootstrap.bind(bindHost, port).syncUninterruptibly().channel();
            NettyShuffleServer server = new NettyShuffleServer(group, channel);
            LOG.info("Shuffle server listening on {}{}", server.address, ssl == null ? "" : " (TLS)");
            return server;
        } catch (Exception e) {
            NettyEventLoops.shutdown(group);
            throw new IOException("Cannot start the shuffle server on " + bindHost + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The bound address (with the actual port if 0 was asked for). */
    public InetSocketAddress getAddress() {
        return address;
    }

    /** Stops accepting, closes every connection (their readers release their views) and stops the event loops. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        NettyEventLoops.shutdown(eventLoops);
        LOG.info("Shuffle server on {} stopped", address);
    }
}
