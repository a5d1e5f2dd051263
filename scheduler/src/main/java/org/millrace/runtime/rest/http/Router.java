package org.millrace.runtime.rest.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a method and path to a {@link RestHandler}. Templates are paths whose segments are literals
 * or {@code :name} parameters ({@code /jobs/:jobid/vertices/:vertexid}); a path may carry a
 * {@code /v1} prefix, and a trailing slash is ignored.
 *
 * <p>When several templates match a path, the one with a literal where the others have a parameter
 * wins, so {@code /jobs/overview} is not read as a job id. A path that matches some template but
 * not for the request's method is {@link MethodNotAllowed}; one matching none is {@link NotFound}.
 */
public final class Router {

    private static final String VERSION_PREFIX = "/v1";

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; returns this router for chaining. */
    public Router add(HttpMethod method, String template, RestHandler handler) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("A route template starts with '/': " + template);
        }
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    /** Routes a raw (percent-encoded) path. */
    public Result route(HttpMethod method, String rawPath) {
        String[] segments = split(stripVersion(rawPath));
        for (int i = 0; i < segments.length; i++) {
            segments[i] = QueryStringDecoder.decodeComponent(segments[i]);
        }
        Route best = null;
        Map<String, String> bestParameters = null;
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = route.match(segments);
            if (parameters == null) {
                continue;
            }
            allowed.add(route.method);
            if (route.method.equals(method) && (best == null || route.isMoreSpecificThan(best))) {
                best = route;
                bestParameters = parameters;
            }
        }
        if (best != null) {
            return new Found(best.handler, bestParameters);
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(List.copyOf(allowed));
    }

    private static String stripVersion(String path) {
        if (path.equals(VERSION_PREFIX)) {
            return "/";
        }
        return path.startsWith(VERSION_PREFIX + "/") ? path.substring(VERSION_PREFIX.length()) : path;
    }

    private static String[] split(String path) {
        return path.chars().allMatch(c -> c == '/') ? new String[0] : trimSlashes(path).split("/", -1);
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /** The outcome of {@link #route}. */
    public sealed interface Result permits Found, NotFound, MethodNotAllowed {}

    /** A route matched; {@code pathParameters} holds the decoded values of its {@code :name} segments. */
    public record Found(RestHandler handler, Map<String, String> pathParameters) implements Result {}

    /** No template matches the path. */
    public record NotFound() implements Result {}

    /** The path exists, but only for {@code allowedMethods}. */
    public record MethodNotAllowed(List<HttpMethod> allowedMethods) implements Result {}

    private static final class Route {
        final HttpMethod method;
        final String[] template;
        final RestHandler handler;

        Route(HttpMethod method, String[] template, RestHandler handler) {
            this.method = method;
            this.template = template;
            this.handler = handler;
        }

        Map<String, String> match(String[] segments) {
            if (segments.length != template.length) {
                return null;
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < template.length; i++) {
                if (isParameter(template[i])) {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    parameters.put(template[i].substring(1), segments[i]);
                } else if (!template[i].equals(segments[i])) {
                    return null;
                }
            }
            return parameters;
        }

        /** Compares segment by segment: the first literal facing a parameter decides. */
        boolean isMoreSpecificThan(Route other) {
            for (int i = 0; i < template.length; i++) {
                boolean mine = isParameter(template[i]);
                boolean theirs = isParameter(other.template[i]);
                if (mine != theirs) {
                    return !mine;
                }
            }
            return false;
        }

        private static boolean isParameter(String segment) {
            return segment.startsWith(":");
        }
    }
}
