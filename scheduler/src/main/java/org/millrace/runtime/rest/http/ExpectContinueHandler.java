package org.millrace.runtime.rest.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers {@code Expect: 100-continue} (curl sends it before bodies over 1 MiB): {@code 100 Continue}
 * when the announced body fits the limit, else a JSON 413 and the connection is closed, so the
 * client need not send the body at all. Later handlers never see the header.
 *
 * <p>One instance per channel: after a rejection it drops everything until the channel closes.
 */
final class ExpectContinueHandler extends ChannelInboundHandlerAdapter {

    private final long maxContentLength;
    private boolean rejected;

    ExpectContinueHandler(long maxContentLength) {
        this.maxContentLength = maxContentLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (rejected) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && HttpUtil.is100ContinueExpected(request)) {
            if (HttpUtil.getContentLength(request, -1L) > maxContentLength) {
                rejected = true;
                ReferenceCountUtil.release(msg);
                HttpResponses.sendErrorAndClose(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLargeMessage(maxContentLength));
                return;
            }
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            request.headers().remove(HttpHeaderNames.EXPECT);
        }
        ctx.fireChannelRead(msg);
    }

    static String tooLargeMessage(long maxContentLength) {
        return "The request is larger than the server accepts (" + maxContentLength
                + " bytes, set by rest.server.max-content-length)";
    }
}
