package org.millrace.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.millrace.configuration.Configuration;
import org.millrace.configuration.CoreOptions;
import org.millrace.runtime.jobgraph.JobGraph;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestJarHandlersTest {

    @TempDir
    Path uploadRoot;

    @TempDir
    Path work;

    private RestTestServer server;
    private RestTestClient client;

    @BeforeEach
    void start() throws Exception {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        server = new RestTestServer(uploadRoot, conf);
        client = server.client;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String upload(Class<?> mainClass) throws Exception {
        Path jar = TestJars.jarOf(work.resolve("program.jar"), mainClass, RestTestPrograms.class,
                RestTestPrograms.DoublingProgram.class, RestTestPrograms.SwallowingProgram.class,
                RestTestPrograms.NoJobProgram.class, RestTestPrograms.FailingProgram.class,
                RestTestPrograms.Doubler.class, RestTestPrograms.Discard.class);
        RestTestClient.Response response = client.post("/jars/upload",
                new MultipartBody().file("jarfile", "program.jar", Files.readAllBytes(jar)));
        assertEquals(200, response.status(), response.body());
        assertEquals("success", response.json().get("status").asText());
        return Path.of(response.json().get("filename").asText()).getFileName().toString();
    }

    @Test
    void uploadedJarIsStoredAndListedWithItsEntryClass() throws Exception {
        String id = upload(RestTestPrograms.DoublingProgram.class);
        assertTrue(id.matches("[0-9a-f-]{36}_program\\.jar"), id);
        assertTrue(Files.isRegularFile(server.endpoint.getUploadDirectory().resolve("jars").resolve(id)));

        JsonNode list = client.get("/jars").json();
        assertEquals(server.endpoint.getRestBaseUrl(), list.get("address").asText());
        assertEquals(1, list.get("files").size());
        JsonNode file = list.get("files").get(0);
        assertEquals(id, file.get("id").asText());
        assertEquals("program.jar", file.get("name").asText());
        assertTrue(file.get("uploaded").asLong() > 0);
        assertEquals(RestTestPrograms.DoublingProgram.class.getName(), file.get("entry").get(0).get("name").asText());
        assertTrue(file.get("entry").get(0).get("description").isNull());
    }

    @Test
    void uploadOfSomethingThatIsNotAJarIs400() throws Exception {
        RestTestClient.Response wrongName = client.post("/jars/upload",
                new MultipartBody().file("jarfile", "notes.txt", "hello".getBytes()));
        assertEquals(400, wrongName.status());
        assertEquals("Only JAR files can be uploaded, not 'notes.txt'", wrongName.error());
        RestTestClient.Response notZip = client.post("/jars/upload",
                new MultipartBody().file("jarfile", "fake.jar", "hello".getBytes()));
        assertEquals(400, notZip.status());
        assertEquals("The file 'fake.jar' is not a valid JAR file", notZip.error());
        RestTestClient.Response noPart = client.post("/jars/upload", new MultipartBody().field("other", "x"));
        assertEquals(400, noPart.status());
        assertEquals(0, client.get("/jars").json().get("files").size());
    }

    @Test
    void deleteRemovesTheJarAndUnknownJarsAre404() throws Exception {
        String id = upload(null);
        RestTestClient.Response deleted = client.delete("/jars/" + id);
        assertEquals(200, deleted.status());
        assertEquals("{}", deleted.body());
        assertEquals(0, client.get("/jars").json().get("files").size());
        RestTestClient.Response again = client.delete("/jars/" + id);
        assertEquals(404, again.status());
        assertEquals("JAR file " + id + " not found", again.error());
        assertEquals(404, client.postJson("/jars/" + id + "/run", "").status());
        assertEquals(400, client.delete("/jars/..").status());
    }

    @Test
    void runCapturesTheProgramsJobGraphAndSubmitsItWithTheJar() throws Exception {
        String id = upload(RestTestPrograms.DoublingProgram.class);
        RestTestClient.Response response = client.postJson("/jars/" + id + "/run",
                "{\"programArgsList\":[\"3\",\"doubling from REST\"],\"parallelism\":2}");

        assertEquals(200, response.status(), response.body());
        assertEquals(1, server.gateway.submissions.size());
        TestingDispatcherGateway.Submission submission = server.gateway.submissions.get(0);
        JobGraph graph = submission.jobGraph();
        assertEquals(graph.getJobID().toString(), response.json().get("jobid").asText());
        assertEquals("doubling from REST", graph.getName());
        assertEquals(List.of("Source: Sequence Source/2", "Doubler/3", "Discard/2"), vertices(graph));
        assertEquals(List.of(server.endpoint.getUploadDirectory().resolve("jars").resolve(id)), submission.jars());
    }

    @Test
    void runWithQueryParametersAndTheConfiguredDefaultParallelism() throws Exception {
        String id = upload(null);
        RestTestClient.Response response = client.postJson("/v1/jars/" + id + "/run?entry-class="
                + RestTestPrograms.DoublingProgram.class.getName() + "&programArg=4,via%20query", "");
        assertEquals(200, response.status(), response.body());
        JobGraph graph = server.gateway.submissions.get(0).jobGraph();
        assertEquals("via query", graph.getName());
        assertEquals(List.of("Source: Sequence Source/1", "Doubler/4", "Discard/1"), vertices(graph));
    }

    @Test
    void firstJobCountsEvenWhenTheProgramSwallowsTheAbort() throws Exception {
        String id = upload(RestTestPrograms.SwallowingProgram.class);
        assertEquals(200, client.postJson("/jars/" + id + "/run", "{}").status());
        assertEquals("first", server.gateway.submissions.get(0).jobGraph().getName());
        assertEquals(1, server.gateway.submissions.size());
    }

    @Test
    void programThatNeverCallsExecuteIs400() throws Exception {
        String id = upload(RestTestPrograms.NoJobProgram.class);
        RestTestClient.Response response = client.postJson("/jars/" + id + "/run", "");
        assertEquals(400, response.status());
        assertEquals("The main method of " + RestTestPrograms.NoJobProgram.class.getName()
                + " returned without calling execute(): the program defines no job to run", response.error());
        assertTrue(server.gateway.submissions.isEmpty());
    }

    @Test
    void failingProgramOrMissingClassOrBadParameterIs400() throws Exception {
        String id = upload(RestTestPrograms.FailingProgram.class);
        RestTestClient.Response failing = client.postJson("/jars/" + id + "/run", "");
        assertEquals(400, failing.status());
        assertEquals("The main method caused an error: --input is missing", failing.error());

        RestTestClient.Response missing = client.postJson("/jars/" + id + "/run", "{\"entryClass\":\"no.such.Program\"}");
        assertEquals(400, missing.status());
        assertTrue(missing.error().startsWith("Could not find the program's class 'no.such.Program'"), missing.error());

        RestTestClient.Response parallelism = client.postJson("/jars/" + id + "/run?parallelism=0", "");
        assertEquals(400, parallelism.status());
        assertEquals("Invalid value '0' for parameter 'parallelism': expected a positive integer", parallelism.error());

        RestTestClient.Response badJson = client.postJson("/jars/" + id + "/run", "{not json");
        assertEquals(400, badJson.status());
        assertTrue(badJson.error().startsWith("The request body is not valid JSON"), badJson.error());
        assertTrue(server.gateway.submissions.isEmpty());
    }

    @Test
    void contextEnvironmentIsResetAfterARun() throws Exception {
        String id = upload(RestTestPrograms.DoublingProgram.class);
        assertEquals(200, client.postJson("/jars/" + id + "/run", "").status());
        assertFalse(org.millrace.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment()
                .getClass().getName().contains("Capturing"));
    }

    private static List<String> vertices(JobGraph graph) {
        return graph.getVertices().stream().map(v -> v.getName() + "/" + v.getParallelism()).toList();
    }
}
