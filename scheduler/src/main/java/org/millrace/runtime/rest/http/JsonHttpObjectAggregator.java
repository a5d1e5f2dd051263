package org.millrace.runtime.rest.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Netty's aggregator (a request and its body chunks into one {@code FullHttpRequest}), answering an
 * oversized body with a JSON 413 and closing the connection instead of Netty's empty 413.
 */
final class JsonHttpObjectAggregator extends HttpObjectAggregator {

    JsonHttpObjectAggregator(int maxContentLength) {
        super(maxContentLength);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpResponses.sendErrorAndClose(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                ExpectContinueHandler.tooLargeMessage(maxContentLength()));
    }
}
