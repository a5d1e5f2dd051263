package org.millrace.runtime.rest.handler.jar;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.millrace.runtime.rest.handler.RequestBodies;
import org.millrace.runtime.rest.handler.RequestParameters;
import org.millrace.runtime.rest.http.RestHandlerException;
import org.millrace.runtime.rest.http.RestRequest;

/**
 * What {@code POST /jars/:jarid/run} is asked to run, from query parameters ({@code entryClass} or
 * {@code entry-class}, {@code programArg} as a comma list, {@code parallelism}) and/or a JSON body
 * ({@code entryClass}, {@code programArgsList} as an array or {@code programArgs} as a
 * space-separated string, {@code parallelism}); a value in the body wins over the query's.
 *
 * @param entryClass null for the manifest's entry class
 * @param parallelism null for the cluster's default
 */
public record JarRunParameters(String entryClass, List<String> programArgs, Integer parallelism) {

    public static JarRunParameters of(RestRequest request) throws RestHandlerException {
        JsonNode body = body(request);
        String entryClass = text(body, "entryClass");
        if (entryClass == null) {
            entryClass = request.queryParameter("entryClass").or(() -> request.queryParameter("entry-class")).orElse(null);
        }
        List<String> args = bodyArguments(body);
        if (args == null) {
            args = request.queryParameter("programArg").map(JarRunParameters::commaList).orElse(List.of());
        }
        Integer parallelism = null;
        JsonNode p = body.get("parallelism");
        if (p != null && !p.isNull()) {
            parallelism = RequestParameters.positiveInt("parallelism", p.asText());
        } else if (request.queryParameter("parallelism").isPresent()) {
            parallelism = RequestParameters.positiveInt("parallelism", request.queryParameter("parallelism").get());
        }
        return new JarRunParameters(entryClass == null || entryClass.isBlank() ? null : entryClass.trim(), args, parallelism);
    }

    private static JsonNode body(RestRequest request) throws RestHandlerException {
        return RequestBodies.object(request);
    }

    private static String text(JsonNode body, String field) throws RestHandlerException {
        return RequestBodies.text(body, field);
    }

    private static List<String> bodyArguments(JsonNode body) throws RestHandlerException {
        JsonNode list = body.get("programArgsList");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw RestHandlerException.badRequest("'programArgsList' must be an array of strings");
            }
            List<String> args = new ArrayList<>();
            list.forEach(arg -> args.add(arg.asText()));
            return args;
        }
        String joined = text(body, "programArgs");
        return joined == null ? null : Arrays.stream(joined.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
