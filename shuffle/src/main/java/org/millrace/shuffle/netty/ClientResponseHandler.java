package org.millrace.shuffle.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.collection.LongObjectHashMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches what a server sends to the {@link RemoteInputChannel} it is for (by receiver id) and
 * fails every registered channel when the connection breaks. Event loop only, so the receiver map
 * is a plain (unboxed) map.
 */
final class ClientResponseHandler extends SimpleChannelInboundHandler<NettyMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(ClientResponseHandler.class);

    private final LongObjectHashMap<RemoteInputChannel> receivers = new LongObjectHashMap<>();
    /** Set once the connection is broken; channels registering later fail at once. */
    private String connectionFailure;

    /** Registers a channel; returns false (and fails it) if the connection is already broken. */
    boolean register(RemoteInputChannel channel) {
        if (connectionFailure != null) {
            channel.onConnectionFailure(connectionFailure, null);
            return false;
        }
        receivers.put(channel.getReceiverId(), channel);
        return true;
    }

    void unregister(long receiverId) {
        receivers.remove(receiverId);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, NettyMessage message) {
        if (message instanceof BufferResponse response) {
            RemoteInputChannel channel = receivers.get(response.receiverId);
            if (channel == null) {
                response.releaseData(); // released meanwhile; its cancel request is on its way
            } else {
                channel.onBuffer(response);
            }
        } else if (message instanceof NettyMessage.ErrorResponse error) {
            if (error.isConnectionWide()) {
                failAll("the server reported: " + error.message(), null);
                ctx.close();
            } else {
                RemoteInputChannel channel = receivers.get(error.receiverId());
                if (channel != null) {
                    channel.onError(error);
                }
            }
        } else {
            ctx.fireExceptionCaught(new IOException("Unexpected message from a shuffle server: " + message));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        failAll("the connection was closed", null);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Shuffle client connection to {} failed", ctx.channel().remoteAddress(), cause);
        failAll("the connection failed: " + cause.getMessage(), cause);
        ctx.close();
    }

    private void failAll(String reason, Throwable cause) {
        if (connectionFailure == null) {
            connectionFailure = reason;
        }
        List<RemoteInputChannel> toFail = new ArrayList<>(receivers.values());
        receivers.clear();
        for (RemoteInputChannel channel : toFail) {
            channel.onConnectionFailure(reason, cause);
        }
    }
}
