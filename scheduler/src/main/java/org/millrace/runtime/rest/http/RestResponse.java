package org.millrace.runtime.rest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;

/** What a handler answers: a status and a JSON body. */
public record RestResponse(HttpResponseStatus status, JsonNode body) {

    public static RestResponse ok(JsonNode body) {
        return new RestResponse(HttpResponseStatus.OK, body);
    }

    public static RestResponse accepted(JsonNode body) {
        return new RestResponse(HttpResponseStatus.ACCEPTED, body);
    }
}
