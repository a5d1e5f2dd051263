package org.millrace.shuffle.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Turns outgoing {@link NettyMessage}s into frames. Stateless and shared; data bytes are wrapped,
 * not copied, so a {@link BufferResponse}'s buffer must stay untouched until its write completes.
 */
@ChannelHandler.Sharable
final class NettyMessageEncoder extends MessageToMessageEncoder<NettyMessage> {

    @Override
    protected void encode(ChannelHandlerContext ctx, NettyMessage message, List<Object> out) {
        out.add(message.encode(ctx.alloc()));
    }
}
