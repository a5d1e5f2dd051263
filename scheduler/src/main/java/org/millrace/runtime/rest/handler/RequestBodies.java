package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.millrace.runtime.rest.http.RestHandlerException;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.runtime.rest.http.RestRequest;

/** Reads JSON request bodies: a bad body or field is a 400 that names what is wrong, never a 500. */
public final class RequestBodies {

    private RequestBodies() {}

    /** The body as a JSON object; an empty body is an empty object. */
    public static JsonNode object(RestRequest request) throws RestHandlerException {
        if (!request.hasBody()) {
            return RestJson.object();
        }
        try {
            JsonNode json = RestJson.MAPPER.readTree(request.body());
            if (json == null || json.isNull() || json.isMissingNode()) {
                return RestJson.object();
            }
            if (!json.isObject()) {
                throw RestHandlerException.badRequest("The request body must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw RestHandlerException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw RestHandlerException.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    /** A string field, or null if absent or null. */
    public static String text(JsonNode body, String field) throws RestHandlerException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RestHandlerException.badRequest("'" + field + "' must be a string");
        }
        return value.asText();
    }

    /** A boolean field, or {@code otherwise} if absent or null. */
    public static boolean bool(JsonNode body, String field, boolean otherwise) throws RestHandlerException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw RestHandlerException.badRequest("'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }
}
