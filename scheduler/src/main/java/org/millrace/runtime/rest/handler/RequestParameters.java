package org.millrace.runtime.rest.handler;

import java.util.OptionalInt;
import org.millrace.api.common.JobID;
import org.millrace.runtime.rest.http.RestHandlerException;
import org.millrace.runtime.rest.http.RestRequest;

/** Parses and checks the path and query parameters handlers share; bad values are a 400 naming them. */
public final class RequestParameters {

    public static final String JOB_ID = "jobid";
    public static final String VERTEX_ID = "vertexid";

    private RequestParameters() {}

    public static JobID jobId(RestRequest request) throws RestHandlerException {
        String value = request.pathParameter(JOB_ID);
        try {
            return JobID.fromHexString(value);
        } catch (IllegalArgumentException e) {
            throw RestHandlerException.badRequest("Invalid job id '" + value + "': expected 32 hexadecimal digits");
        }
    }

    /** The vertex id of the path, lower-cased (ids are printed that way). */
    public static String vertexId(RestRequest request) throws RestHandlerException {
        String value = request.pathParameter(VERTEX_ID);
        if (!value.matches("[0-9a-fA-F]{32}")) {
            throw RestHandlerException.badRequest("Invalid vertex id '" + value + "': expected 32 hexadecimal digits");
        }
        return value.toLowerCase();
    }

    /** A positive integer query parameter, if present. */
    public static OptionalInt positiveInt(RestRequest request, String name) throws RestHandlerException {
        var value = request.queryParameter(name);
        return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(positiveInt(name, value.get()));
    }

    public static int positiveInt(String name, String value) throws RestHandlerException {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RestHandlerException.badRequest("Invalid value '" + value + "' for parameter '" + name + "': expected a positive integer");
    }
}
