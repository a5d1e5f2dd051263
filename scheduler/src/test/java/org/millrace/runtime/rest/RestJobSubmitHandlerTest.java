package org.millrace.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.millrace.testing.TestJars;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.util.InstantiationUtil;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestJobSubmitHandlerTest {

    @TempDir
    Path uploadRoot;

    @TempDir
    Path work;

    private RestTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RestTestServer(uploadRoot);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JobGraph smallJobGraph() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(1, 10).map(new RestTestPrograms.Doubler()).name("Doubler").setParallelism(3)
                .addSink(new RestTestPrograms.Discard()).name("Discard");
        return env.getJobGraph("submitted job");
    }

    private static String request(String graphFile, String... jars) {
        StringBuilder names = new StringBuilder();
        for (String jar : jars) {
            names.append(names.length() == 0 ? "" : ",").append('"').append(jar).append('"');
        }
        return "{\"jobGraphFileName\":\"" + graphFile + "\",\"jobJarFileNames\":[" + names + "],\"jobName\":\"submitted job\"}";
    }

    @Test
    void multipartSubmissionReachesTheGatewayWithTheGraphAndStoredJars() throws Exception {
        JobGraph graph = smallJobGraph();
        byte[] jar = Files.readAllBytes(TestJars.jarOf(work.resolve("user.jar"), null, RestTestPrograms.Doubler.class));
        MultipartBody body = new MultipartBody()
                .field("request", request("job.graph", "user.jar"))
                .file("file_0", "job.graph", InstantiationUtil.serializeObject(graph))
                .file("file_1", "user.jar", jar);

        RestTestClient.Response response = server.client.post("/jobs", body);

        assertEquals(202, response.status(), response.body());
        assertEquals("/jobs/" + graph.getJobID(), response.json().get("jobUrl").asText());
        assertEquals(1, server.gateway.submissions.size());
        TestingDispatcherGateway.Submission submission = server.gateway.submissions.get(0);
        assertEquals(graph.getJobID(), submission.jobGraph().getJobID());
        assertEquals("submitted job", submission.jobGraph().getName());
        assertEquals(names(graph), names(submission.jobGraph()));
        assertEquals(List.of(true), submission.jarsExisted());
        Path storedJar = submission.jars().get(0);
        assertTrue(storedJar.startsWith(server.endpoint.getUploadDirectory()), storedJar.toString());
        assertEquals("user.jar", storedJar.getFileName().toString());
        assertArrayEquals(jar, Files.readAllBytes(storedJar));
        // the request's temporary files are gone, the job's JAR stays until the server stops
        try (var requests = Files.list(server.endpoint.getUploadDirectory().resolve("requests"))) {
            assertEquals(0, requests.count());
        }
        server.close();
        assertFalse(Files.exists(storedJar));
    }

    private static List<String> names(JobGraph graph) {
        return graph.getVertices().stream().map(v -> v.getName() + "/" + v.getParallelism()).toList();
    }

    @Test
    void submissionWithoutJarsIsAccepted() throws Exception {
        JobGraph graph = smallJobGraph();
        MultipartBody body = new MultipartBody()
                .field("request", "{\"jobGraphFileName\":\"g.bin\"}")
                .file("file_0", "g.bin", InstantiationUtil.serializeObject(graph));
        assertEquals(202, server.client.post("/v1/jobs", body).status());
        assertEquals(List.of(), server.gateway.submissions.get(0).jars());
        assertEquals(graph.getVertices().stream().map(JobVertex::getName).toList(),
                server.gateway.submissions.get(0).jobGraph().getVertices().stream().map(JobVertex::getName).toList());
    }

    @Test
    void multipartWithoutTheJobGraphIs400() throws Exception {
        MultipartBody body = new MultipartBody().field("request", request("job.graph"));
        RestTestClient.Response response = server.client.post("/jobs", body);
        assertEquals(400, response.status());
        assertEquals("The job submission names the file 'job.graph', but no part uploads it", response.error());
        assertTrue(server.gateway.submissions.isEmpty());
    }

    @Test
    void multipartWithoutTheRequestFieldIs400() throws Exception {
        MultipartBody body = new MultipartBody().file("file_0", "job.graph", new byte[] {1, 2, 3});
        RestTestClient.Response response = server.client.post("/jobs", body);
        assertEquals(400, response.status());
        assertTrue(response.error().startsWith("The multipart request has no field 'request'"), response.error());
    }

    @Test
    void requestWithoutJobGraphFileNameIs400() throws Exception {
        MultipartBody body = new MultipartBody().field("request", "{\"jobJarFileNames\":[]}");
        RestTestClient.Response response = server.client.post("/jobs", body);
        assertEquals(400, response.status());
        assertEquals("The job submission names no job graph file ('jobGraphFileName' is missing)", response.error());
    }

    @Test
    void graphFileThatIsNotASerializedGraphIs400() throws Exception {
        MultipartBody body = new MultipartBody()
                .field("request", request("job.graph"))
                .file("file_0", "job.graph", "not java serialization".getBytes());
        RestTestClient.Response response = server.client.post("/jobs", body);
        assertEquals(400, response.status());
        assertEquals("The file 'job.graph' is not a serialized job graph", response.error());

        MultipartBody string = new MultipartBody()
                .field("request", request("job.graph"))
                .file("file_0", "job.graph", InstantiationUtil.serializeObject("a string"));
        RestTestClient.Response wrongType = server.client.post("/jobs", string);
        assertEquals(400, wrongType.status());
        assertEquals("The file 'job.graph' holds a java.lang.String, not a job graph", wrongType.error());
    }

    @Test
    void jsonBodyInsteadOfMultipartIs400() throws Exception {
        RestTestClient.Response response = server.client.postJson("/jobs", "{\"jobGraphFileName\":\"x\"}");
        assertEquals(400, response.status());
        assertTrue(response.error().startsWith("POST /jobs expects multipart/form-data"), response.error());
    }

    @Test
    void rejectedSubmissionIs400WithTheGatewaysMessageAndDropsTheJars() throws Exception {
        server.gateway.rejectSubmissionsWith = "a job with this id already runs";
        JobGraph graph = smallJobGraph();
        MultipartBody body = new MultipartBody()
                .field("request", request("job.graph", "user.jar"))
                .file("file_0", "job.graph", InstantiationUtil.serializeObject(graph))
                .file("file_1", "user.jar", Files.readAllBytes(TestJars.jarOf(work.resolve("u.jar"), null)));
        RestTestClient.Response response = server.client.post("/jobs", body);
        assertEquals(400, response.status());
        assertEquals("Could not submit job " + graph.getJobID() + ": a job with this id already runs", response.error());
        assertFalse(Files.exists(server.gateway.submissions.get(0).jars().get(0)));
    }

    @Test
    void submissionAtAStandbyJobManagerIs503NamingTheLeader() throws Exception {
        server.gateway.notLeader = "This JobManager is not the leader; the leader's REST API is at http://leader:8081";
        MultipartBody body = new MultipartBody()
                .field("request", "{\"jobGraphFileName\":\"g.bin\"}")
                .file("file_0", "g.bin", InstantiationUtil.serializeObject(smallJobGraph()));
        RestTestClient.Response response = server.client.post("/jobs", body);
        assertEquals(503, response.status(), response.body());
        assertEquals(server.gateway.notLeader, response.error());
    }
}
