package org.millrace.runtime.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of a client connection, on the I/O thread: reads each answer's header and passes
 * it to the {@link ClientConnection}, which decodes it on a callback thread.
 */
final class ClientConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionHandler.class);

    private final ClientConnection connection;

    ClientConnectionHandler(ClientConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        InboundFrame frame;
        try {
            frame = InboundFrame.parse((ByteBuf) msg);
        } catch (IllegalArgumentException e) {
            LOG.warn("Closing the control connection to {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            ctx.close();
            return;
        }
        connection.onAnswer(frame);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Closing the control connection to {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
