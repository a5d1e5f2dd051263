package org.millrace.runtime.rest.http;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.PATCH;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestRouterTest {

    private final RestHandler jobs = request -> null;
    private final RestHandler overview = request -> null;
    private final RestHandler job = request -> null;
    private final RestHandler cancel = request -> null;
    private final RestHandler vertex = request -> null;
    private final RestHandler upload = request -> null;
    private final RestHandler deleteJar = request -> null;

    private final Router router = new Router()
            .add(GET, "/jobs", jobs)
            .add(GET, "/jobs/:jobid", job)
            .add(GET, "/jobs/overview", overview)
            .add(PATCH, "/jobs/:jobid", cancel)
            .add(GET, "/jobs/:jobid/vertices/:vertexid", vertex)
            .add(DELETE, "/jars/:jarid", deleteJar)
            .add(POST, "/jars/upload", upload);

    private Router.Found found(io.netty.handler.codec.http.HttpMethod method, String path) {
        return assertInstanceOf(Router.Found.class, router.route(method, path));
    }

    @Test
    void literalSegmentWinsOverAParameterWhateverTheRegistrationOrder() {
        assertSame(overview, found(GET, "/jobs/overview").handler());
        Router.Found byId = found(GET, "/jobs/abc");
        assertSame(job, byId.handler());
        assertEquals(Map.of("jobid", "abc"), byId.pathParameters());
        assertSame(upload, found(POST, "/jars/upload").handler());
        assertSame(deleteJar, found(DELETE, "/jars/upload").handler());
    }

    @Test
    void parametersAreBoundAndPercentDecoded() {
        Router.Found match = found(GET, "/jobs/j%201/vertices/v1");
        assertSame(vertex, match.handler());
        assertEquals(Map.of("jobid", "j 1", "vertexid", "v1"), match.pathParameters());
    }

    @Test
    void versionPrefixAndTrailingSlashAreIgnored() {
        assertSame(jobs, found(GET, "/v1/jobs").handler());
        assertSame(jobs, found(GET, "/jobs/").handler());
        assertSame(overview, found(GET, "/v1/jobs/overview/").handler());
    }

    @Test
    void knownPathWithOtherMethodIsMethodNotAllowed() {
        Router.MethodNotAllowed result = assertInstanceOf(Router.MethodNotAllowed.class, router.route(DELETE, "/jobs/abc"));
        assertEquals(List.of(GET, PATCH), result.allowedMethods());
    }

    @Test
    void unknownPathsAreNotFound() {
        assertInstanceOf(Router.NotFound.class, router.route(GET, "/"));
        assertInstanceOf(Router.NotFound.class, router.route(GET, "/jobs/a/b"));
        assertInstanceOf(Router.NotFound.class, router.route(GET, "/v2/jobs"));
        assertInstanceOf(Router.NotFound.class, router.route(GET, "/jobs//vertices/x"));
    }
}
