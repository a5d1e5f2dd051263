package org.millrace.runtime.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Builds the server's JSON responses, including the {@code {"errors":[...]}} body of every error. */
public final class HttpResponses {

    private HttpResponses() {}

    public static FullHttpResponse json(HttpResponseStatus status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = RestJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serializes; this guards against a programming error
            throw new IllegalStateException("Could not serialize a response body", e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    public static FullHttpResponse error(HttpResponseStatus status, String message) {
        return json(status, RestJson.object().set("errors", RestJson.array().add(message)));
    }

    /**
     * Answers with an error and closes the connection: for requests whose remaining bytes the server
     * will not read (too large, undecodable).
     */
    public static void sendErrorAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        FullHttpResponse response = error(status, message);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
