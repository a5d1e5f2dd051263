package org.millrace.shuffle.netty;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One TCP connection to a remote TaskExecutor's {@link NettyShuffleServer}, shared by all remote
 * input channels reading from it. Every method hops onto the connection's event loop, so requests,
 * credit and cancellations of one channel reach the server in the order they were made.
 */
final class PartitionRequestClient {

    private final Channel channel;
    private final ClientResponseHandler handler;

    PartitionRequestClient(Channel channel, ClientResponseHandler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    boolean isActive() {
        return channel.isActive();
    }

    /** Registers the channel for responses and sends its first partition request. */
    void requestSubpartition(RemoteInputChannel inputChannel) {
        channel.eventLoop().execute(() -> {
            if (handler.register(inputChannel)) {
                inputChannel.sendPartitionRequest();
            }
        });
    }

    /** Runs {@code task} on the connection's event loop. */
    void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    /** Runs {@code task} on the connection's event loop after {@code delayMillis}. */
    void schedule(Runnable task, long delayMillis) {
        channel.eventLoop().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Writes and flushes a message; event loop only (or any thread, for messages without ordering needs). */
    void send(NettyMessage message) {
        channel.writeAndFlush(message, channel.voidPromise());
    }

    /** Stops dispatching to the channel and tells the server to release its view. */
    void cancel(RemoteInputChannel inputChannel) {
        long receiverId = inputChannel.getReceiverId();
        channel.eventLoop().execute(() -> {
            handler.unregister(receiverId);
            if (channel.isActive()) {
                send(new NettyMessage.CancelPartitionRequest(receiverId));
            }
        });
    }

    /** Asks the server to release everything this connection requested, then closes it. */
    void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(NettyMessage.CloseRequest.INSTANCE);
        }
        channel.close().awaitUninterruptibly();
    }
}
