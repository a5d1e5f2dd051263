package org.millrace.runtime.rest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson mapper of the REST server (thread-safe, configured once) and shortcuts for building bodies. */
public final class RestJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private RestJson() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
