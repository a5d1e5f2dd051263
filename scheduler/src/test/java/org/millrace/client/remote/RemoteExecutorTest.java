package org.millrace.client.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.client.ClientOptions;
import org.millrace.client.program.rest.MultipartParts;
import org.millrace.client.program.rest.RestTestData;
import org.millrace.client.program.rest.TestingRestServer;
import org.millrace.client.program.rest.TestingRestServer.Answer;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.core.execution.JobClient;
import org.millrace.core.execution.PipelineExecutors;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.jobgraph.JobGraph;

/** {@link RemoteExecutor} found through {@code execution.target: remote}, against a scripted REST endpoint. */
@Timeout(60)
class RemoteExecutorTest {

    @TempDir
    Path dir;

    private TestingRestServer server;
    private JobGraph graph;
    private String jobPath;

    @BeforeEach
    void startServer() throws IOException {
        server = new TestingRestServer();
        graph = RestTestData.jobGraph("remote job");
        jobPath = "/jobs/" + graph.getJobID();
        server.on("POST", "/jobs", Answer.json(202, "{\"jobUrl\":\"" + jobPath + "\"}"));
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    private Configuration remote(boolean attached, String... jars) {
        Configuration conf = server.clientConfiguration();
        conf.set(DeploymentOptions.TARGET, "remote");
        conf.set(DeploymentOptions.ATTACHED, attached);
        conf.set(ClientOptions.PIPELINE_JARS, List.of(jars));
        return conf;
    }

    private JobClient execute(Configuration conf) throws Exception {
        return PipelineExecutors.forConfiguration(conf, getClass().getClassLoader())
                .execute(graph, conf, getClass().getClassLoader()).get();
    }

    @Test
    void remoteTargetSelectsTheRemoteExecutor() {
        assertInstanceOf(RemoteExecutor.class, PipelineExecutors.forConfiguration(remote(true), getClass().getClassLoader()));
    }

    @Test
    void attachedExecutionUploadsThePipelineJarsAndItsResultFollowsTheJob() throws Exception {
        Path jar = Files.write(dir.resolve("user-job.jar"), new byte[] {42});
        server.on("GET", jobPath + "/execution-result", Answer.json(200, RestTestData.IN_PROGRESS),
                Answer.json(200, RestTestData.succeeded(77, Map.of("records", 10L))));

        JobClient client = execute(remote(true, jar.toUri().toString()));
        JobExecutionResult result = client.getJobExecutionResult().get();

        assertEquals(graph.getJobID(), client.getJobID());
        assertEquals(77, result.getNetRuntime());
        assertEquals(Map.of("records", 10L), result.getAllAccumulatorResults());
        TestingRestServer.RecordedRequest submission = server.requests("POST", "/jobs").get(0);
        List<MultipartParts.Part> parts = MultipartParts.parse(submission.contentType(), submission.body());
        assertEquals("user-job.jar", parts.get(2).fileName());
        assertEquals(2, server.requests("GET", jobPath + "/execution-result").size());
    }

    @Test
    void detachedExecutionReturnsOnceSubmittedAndNeverPolls() throws Exception {
        JobClient client = execute(remote(false));
        JobExecutionResult result = client.getJobExecutionResult().get();

        assertInstanceOf(DetachedJobExecutionResult.class, result);
        assertEquals(graph.getJobID(), result.getJobID());
        InvalidProgramException e = assertThrows(InvalidProgramException.class, result::getNetRuntime);
        assertTrue(e.getMessage().startsWith("The job was submitted in detached mode"), e.getMessage());
        assertEquals(List.of("POST /jobs"), server.requests().stream().map(r -> r.method() + " " + r.pathAndQuery()).toList());
    }

    @Test
    void jobClientCancelsAndReadsTheStatusOnTheCluster() throws Exception {
        server.on("PATCH", jobPath + "?mode=cancel", Answer.json(202, "{}"));
        server.on("GET", jobPath, Answer.json(200, "{\"jid\":\"" + graph.getJobID() + "\",\"state\":\"CANCELLING\"}"));
        RemoteJobClient client = (RemoteJobClient) execute(remote(true));

        client.cancel().get();

        assertEquals(1, server.requests("PATCH", jobPath + "?mode=cancel").size());
        assertEquals(JobStatus.CANCELLING, client.getJobStatus().get());
    }

    @Test
    void pipelineJarsAcceptPathsAndFileUrls() throws IOException {
        Path a = Files.write(dir.resolve("a.jar"), new byte[] {1});
        Path b = Files.write(dir.resolve("b.jar"), new byte[] {2});
        assertEquals(List.of(a, b), RemoteExecutor.jarFiles(remote(true, a.toString(), b.toUri().toString())));
        assertEquals(List.of(), RemoteExecutor.jarFiles(server.clientConfiguration()));
    }

    @Test
    void missingOrNonLocalPipelineJarFailsNamingTheKey() {
        Path missing = dir.resolve("missing.jar");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> RemoteExecutor.jarFiles(remote(true, missing.toString())));
        assertEquals("Invalid value '" + missing + "' for configuration key 'pipeline.jars': the JAR file "
                + missing + " does not exist", e.getMessage());
        e = assertThrows(IllegalConfigurationException.class,
                () -> RemoteExecutor.jarFiles(remote(true, "hdfs:///jobs/a.jar")));
        assertEquals("Invalid value 'hdfs:///jobs/a.jar' for configuration key 'pipeline.jars': only local files"
                + " (paths or file: URLs) can be uploaded", e.getMessage());
        assertTrue(server.requests().isEmpty());
    }
}
