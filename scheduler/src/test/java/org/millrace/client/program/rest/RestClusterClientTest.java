package org.millrace.client.program.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.millrace.client.program.rest.RestTestData.IN_PROGRESS;
import static org.millrace.client.program.rest.RestTestData.base64;
import static org.millrace.client.program.rest.RestTestData.completed;
import static org.millrace.client.program.rest.RestTestData.freePort;
import static org.millrace.client.program.rest.RestTestData.jobGraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.client.ClientOptions;
import org.millrace.client.program.rest.MultipartParts.Part;
import org.millrace.client.program.rest.TestingRestServer.Answer;
import org.millrace.configuration.Configuration;
import org.millrace.core.execution.JobExecutionException;
import org.millrace.runtime.dispatcher.SerializedThrowable;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.util.InstantiationUtil;

/** {@link RestClusterClient} against a scripted REST endpoint speaking the cluster contract. */
@Timeout(60)
class RestClusterClientTest {

    private static final JobID JOB_ID = JobID.fromHexString("0123456789abcdef0123456789abcdef");
    private static final String RESULT_PATH = "/jobs/" + JOB_ID + "/execution-result";

    @TempDir
    Path dir;

    private TestingRestServer server;
    private RestClusterClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new TestingRestServer();
        client = new RestClusterClient(server.clientConfiguration());
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        return e.getCause();
    }

    @Test
    void submitJobPostsTheRequestJsonTheSerializedGraphAndEachJarAsMultipartParts() throws Exception {
        Path jar = Files.write(dir.resolve("my-job.jar"), new byte[] {1, 2, 3, 'j', 'a', 'r'});
        Path otherDir = Files.createDirectory(dir.resolve("lib"));
        Path sameName = Files.write(otherDir.resolve("my-job.jar"), new byte[] {9});
        server.on("POST", "/jobs", Answer.json(202, "{\"jobUrl\":\"/jobs/x\"}"));
        JobGraph graph = jobGraph("word count");

        JobID submitted = client.submitJob(graph, List.of(jar, sameName)).get();

        assertEquals(graph.getJobID(), submitted);
        TestingRestServer.RecordedRequest request = server.requests("POST", "/jobs").get(0);
        List<Part> parts = MultipartParts.parse(request.contentType(), request.body());
        assertEquals(4, parts.size());
        Part requestPart = parts.get(0);
        assertEquals("request", requestPart.name());
        assertNull(requestPart.fileName());
        assertEquals("application/json", requestPart.contentType());
        JsonNode requestJson = new ObjectMapper().readTree(requestPart.text());
        String graphFileName = "jobgraph-" + graph.getJobID() + ".bin";
        assertEquals(graphFileName, requestJson.get("jobGraphFileName").asText());
        assertEquals("[\"my-job.jar\",\"1_my-job.jar\"]", requestJson.get("jobJarFileNames").toString());
        assertEquals("word count", requestJson.get("jobName").asText());

        assertEquals(List.of(graphFileName, "my-job.jar", "1_my-job.jar"),
                parts.subList(1, 4).stream().map(Part::fileName).toList());
        JobGraph received = InstantiationUtil.deserializeObject(parts.get(1).content(), getClass().getClassLoader());
        assertEquals(graph.getJobID(), received.getJobID());
        assertEquals(describe(graph), describe(received));
        assertArrayEquals(Files.readAllBytes(jar), parts.get(2).content());
        assertArrayEquals(new byte[] {9}, parts.get(3).content());
    }

    private static List<String> describe(JobGraph graph) {
        List<String> vertices = new ArrayList<>();
        for (JobVertex v : graph.getVertices()) {
            vertices.add(v.getId() + ":" + v.getName() + ":" + v.getParallelism() + ":" + v.getInputEdgeIds());
        }
        return vertices;
    }

    @Test
    void submitJobWithAMissingJarFailsNamingItWithoutContactingTheCluster() {
        Path missing = dir.resolve("gone.jar");
        Throwable failure = failureOf(client.submitJob(jobGraph("j"), List.of(missing)));
        assertInstanceOf(RestClientException.class, failure);
        assertTrue(failure.getMessage().contains("JAR file of the job does not exist: " + missing), failure.getMessage());
        assertEquals(List.of(), server.requests());
    }

    @Test
    void rejectedSubmissionFailsWithTheServersErrorText() {
        server.on("POST", "/jobs", Answer.json(400, "{\"errors\":[\"Job 123 was already submitted.\"]}"));
        RestClientException failure = assertInstanceOf(RestClientException.class,
                failureOf(client.submitJob(jobGraph("j"), List.of())));
        assertEquals("Job 123 was already submitted.", failure.getMessage());
        assertEquals(400, failure.getHttpStatus());
    }

    @Test
    void requestJobResultPollsUntilCompletedAndDeserializesAccumulatorsWithTheUserClassLoader() throws Exception {
        String accumulators = "{\"sum\":\"" + base64(5050L) + "\",\"custom\":\"" + base64(new Custom("x")) + "\"}";
        server.on("GET", RESULT_PATH, Answer.json(200, IN_PROGRESS), Answer.json(200, IN_PROGRESS),
                Answer.json(200, completed("{\"id\":\"" + JOB_ID + "\",\"application-status\":\"SUCCEEDED\","
                        + "\"accumulator-results\":" + accumulators + ",\"net-runtime\":1234}")));
        RecordingClassLoader userClassLoader = new RecordingClassLoader(getClass().getClassLoader());

        JobExecutionResult result = client.requestJobResult(JOB_ID, userClassLoader).get();

        assertEquals(JOB_ID, result.getJobID());
        assertEquals(1234, result.getNetRuntime());
        assertEquals(5050L, (Long) result.getAccumulatorResult("sum"));
        assertEquals(new Custom("x"), result.getAccumulatorResult("custom"));
        assertTrue(userClassLoader.requested.contains(Custom.class.getName()), userClassLoader.requested.toString());
        assertEquals(3, server.requests("GET", RESULT_PATH).size());
    }

    @Test
    void failedJobFailsTheResultWithAJobExecutionExceptionCarryingTheRemoteFailure() {
        server.on("GET", RESULT_PATH, Answer.json(200, completed("{\"id\":\"" + JOB_ID + "\",\"application-status\":"
                + "\"FAILED\",\"accumulator-results\":{},\"net-runtime\":10,\"failure-cause\":{\"class\":"
                + "\"java.lang.IllegalStateException\",\"message\":\"task 'Map (1/2)' failed: boom\","
                + "\"stack-trace\":\"java.lang.IllegalStateException: boom\\n\\tat com.acme.Map.map(Map.java:7)\\n\"}}")));

        JobExecutionException failure = assertInstanceOf(JobExecutionException.class,
                failureOf(client.requestJobResult(JOB_ID, getClass().getClassLoader())));

        assertEquals("task 'Map (1/2)' failed: boom", failure.getMessage());
        assertEquals(JOB_ID, failure.getJobID());
        SerializedThrowable.RemoteFailureException cause =
                assertInstanceOf(SerializedThrowable.RemoteFailureException.class, failure.getCause());
        assertEquals("java.lang.IllegalStateException", cause.getOriginalClassName());
        assertEquals("java.lang.IllegalStateException: boom\n\tat com.acme.Map.map(Map.java:7)\n", cause.getOriginalStackTrace());
        assertEquals(0, cause.getStackTrace().length);
    }

    @Test
    void cancelledJobFailsTheResultSayingSo() {
        server.on("GET", RESULT_PATH, Answer.json(200, completed("{\"id\":\"" + JOB_ID + "\",\"application-status\":"
                + "\"CANCELED\",\"accumulator-results\":{},\"net-runtime\":10}")));
        Throwable failure = failureOf(client.requestJobResult(JOB_ID, getClass().getClassLoader()));
        assertInstanceOf(JobExecutionException.class, failure);
        assertEquals("Job " + JOB_ID + " was cancelled", failure.getMessage());
    }

    @Test
    void resultOfAnUnknownJobFailsWithTheServersMessage() {
        server.on("GET", RESULT_PATH, Answer.json(404, "{\"errors\":[\"Job " + JOB_ID + " not found\"]}"));
        RestClientException failure = assertInstanceOf(RestClientException.class,
                failureOf(client.requestJobResult(JOB_ID, getClass().getClassLoader())));
        assertEquals("Job " + JOB_ID + " not found", failure.getMessage());
        assertEquals(404, failure.getHttpStatus());
    }

    @Test
    void listJobsReadsTheJobsOverview() throws Exception {
        JobID other = JobID.fromHexString("fedcba9876543210fedcba9876543210");
        server.on("GET", "/jobs/overview", Answer.json(200, "{\"jobs\":["
                + "{\"jid\":\"" + JOB_ID + "\",\"name\":\"a job\",\"state\":\"RUNNING\",\"start-time\":1000,"
                + "\"end-time\":-1,\"duration\":5,\"last-modification\":1000,\"tasks\":{\"total\":2}},"
                + "{\"jid\":\"" + other + "\",\"name\":\"done\",\"state\":\"FINISHED\",\"start-time\":500,"
                + "\"end-time\":900,\"duration\":400,\"last-modification\":900,\"tasks\":{\"total\":1}}]}"));

        assertEquals(List.of(new JobStatusMessage(JOB_ID, "a job", JobStatus.RUNNING, 1000),
                new JobStatusMessage(other, "done", JobStatus.FINISHED, 500)), client.listJobs().get());
    }

    @Test
    void cancelSendsPatchWithModeCancel() throws Exception {
        server.on("PATCH", "/jobs/" + JOB_ID + "?mode=cancel", Answer.json(202, "{}"));
        client.cancel(JOB_ID).get();
        assertEquals(1, server.requests("PATCH", "/jobs/" + JOB_ID + "?mode=cancel").size());
    }

    @Test
    void cancellingAnUnknownJobFailsWithTheServersMessage() {
        server.on("PATCH", "/jobs/" + JOB_ID + "?mode=cancel",
                Answer.json(404, "{\"errors\":[\"Job " + JOB_ID + " not found\"]}"));
        RestClientException failure = assertInstanceOf(RestClientException.class, failureOf(client.cancel(JOB_ID)));
        assertEquals("Job " + JOB_ID + " not found", failure.getMessage());
    }

    @Test
    void getJobStatusReadsTheJobsState() throws Exception {
        server.on("GET", "/jobs/" + JOB_ID, Answer.json(200, "{\"jid\":\"" + JOB_ID + "\",\"state\":\"CANCELLING\"}"));
        assertEquals(JobStatus.CANCELLING, client.getJobStatus(JOB_ID).get());
    }

    @Test
    void errorAnswerThatIsNotJsonShowsItsStatusAndBody() {
        server.on("GET", "/jobs/overview", Answer.json(502, "<html>Bad   gateway</html>"));
        RestClientException failure = assertInstanceOf(RestClientException.class, failureOf(client.listJobs()));
        assertEquals("HTTP status 502: <html>Bad gateway</html>", failure.getMessage());
    }

    @Test
    void unansweredRequestTimesOutAfterTheClientTimeout() {
        Configuration conf = server.clientConfiguration();
        conf.set(ClientOptions.CLIENT_TIMEOUT, Duration.ofMillis(200));
        server.on("GET", "/jobs/overview", Answer.never());
        RestClientException failure = assertInstanceOf(RestClientException.class,
                failureOf(new RestClusterClient(conf).listJobs()));
        assertEquals("The JobManager at http://127.0.0.1:" + server.port()
                + " did not answer GET /jobs/overview within 200 ms (client.timeout)", failure.getMessage());
    }

    @Test
    void refusedConnectionNamesTheAddressAndWhatToCheck() throws Exception {
        int port = freePort();
        RestClientException failure = assertInstanceOf(RestClientException.class,
                failureOf(new RestClusterClient(clientFor(port, 0, 0)).listJobs()));
        assertEquals("Could not connect to the JobManager at http://127.0.0.1:" + port
                + " (is the cluster running? check rest.address / rest.port or -m)", failure.getMessage());
        assertTrue(failure.isConnectionRefused());
    }

    @Test
    void submissionRetriesARefusedConnectionMaxAttemptsTimesThenFails() throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        RestClientException failure = assertInstanceOf(RestClientException.class,
                failureOf(new RestClusterClient(clientFor(port, 3, 100)).submitJob(jobGraph("j"), List.of())));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(failure.getMessage().startsWith("Could not connect to the JobManager at http://127.0.0.1:" + port),
                failure.getMessage());
        assertTrue(elapsedMillis >= 300, "three retries 100 ms apart took only " + elapsedMillis + " ms");
    }

    @Test
    void submissionSucceedsOnceTheClusterStartsListening() throws Exception {
        int port = freePort();
        CompletableFuture<JobID> submission =
                new RestClusterClient(clientFor(port, 200, 20)).submitJob(jobGraph("late cluster"), List.of());
        try (TestingRestServer late = new TestingRestServer(port)) {
            late.on("POST", "/jobs", Answer.json(202, "{\"jobUrl\":\"/jobs/x\"}"));
            submission.get();
            assertEquals(1, late.requests("POST", "/jobs").size());
        }
    }

    private static Configuration clientFor(int port, int retries, long retryDelayMillis) {
        Configuration conf = new Configuration();
        conf.set(RestClientOptions.ADDRESS, "127.0.0.1");
        conf.set(RestClientOptions.PORT, port);
        conf.set(RestClientOptions.RETRY_MAX_ATTEMPTS, retries);
        conf.set(RestClientOptions.RETRY_DELAY, Duration.ofMillis(retryDelayMillis));
        return conf;
    }

    /** An accumulator value of a user type. */
    record Custom(String value) implements Serializable {}

    /** Remembers which classes it was asked for. */
    static final class RecordingClassLoader extends ClassLoader {
        final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }
}
