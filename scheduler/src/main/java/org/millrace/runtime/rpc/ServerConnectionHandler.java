package org.millrace.runtime.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of a server connection, on the I/O thread: reads the header of each frame and
 * queues it for the server's dispatcher thread. Nothing here decodes a body or runs user code.
 */
final class ServerConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerConnectionHandler.class);

    private final RpcServer server;

    ServerConnectionHandler(RpcServer server) {
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        InboundFrame frame;
        try {
            frame = InboundFrame.parse((ByteBuf) msg);
        } catch (IllegalArgumentException e) {
            LOG.warn("Closing the control connection from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            ctx.close();
            return;
        }
        server.enqueue(ctx.channel(), frame);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            LOG.warn("Closing the control connection from {}: a frame exceeds the {} MiB limit ({})",
                    ctx.channel().remoteAddress(), RpcFrames.MAX_FRAME_BYTES >> 20, cause.getMessage());
        } else {
            LOG.debug("Closing the control connection from {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
