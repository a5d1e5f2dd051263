package org.millrace.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.millrace.testing.TestJars;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.client.program.rest.JobStatusMessage;
import org.millrace.client.program.rest.RestClusterClient;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.dispatcher.ApplicationStatus;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.JobResult;
import org.millrace.runtime.execution.JobStatus;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;

/** The CLI's REST client and this server agree on the API: submit, list, status, result, cancel. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestClusterClientInteropTest {

    @TempDir
    Path uploadRoot;

    @TempDir
    Path work;

    private RestTestServer server;
    private RestClusterClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RestTestServer(uploadRoot);
        String url = server.endpoint.getRestBaseUrl();
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
        client = new RestClusterClient(conf);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void submittedGraphAndJarArriveAtTheGateway() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(1, 10).map(new RestTestPrograms.Doubler()).name("Doubler").addSink(new RestTestPrograms.Discard());
        JobGraph graph = env.getJobGraph("interop");
        Path jar = TestJars.jarOf(work.resolve("job.jar"), null, RestTestPrograms.Doubler.class);

        JobID submitted = client.submitJob(graph, List.of(jar)).get();

        assertEquals(graph.getJobID(), submitted);
        TestingDispatcherGateway.Submission submission = server.gateway.submissions.get(0);
        assertEquals("interop", submission.jobGraph().getName());
        assertEquals(List.of(true), submission.jarsExisted());
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(submission.jars().get(0)));
    }

    @Test
    void listStatusResultAndCancelReadTheServersAnswers() throws Exception {
        JobID id = JobID.generate();
        server.gateway.addJob(new JobInfo(id, "finished job", JobStatus.FINISHED, 1000, 1500, Map.of(), List.of(), List.of()));
        server.gateway.results.put(id, new JobResult(id, ApplicationStatus.SUCCEEDED, Map.of("sum", 5050L), 500, null));

        List<JobStatusMessage> jobs = client.listJobs().get();
        assertEquals(List.of(new JobStatusMessage(id, "finished job", JobStatus.FINISHED, 1000)), jobs);
        assertEquals(JobStatus.FINISHED, client.getJobStatus(id).get());
        JobExecutionResult result = client.requestJobResult(id, getClass().getClassLoader()).get();
        assertEquals(500, result.getNetRuntime());
        assertEquals(5050L, (Long) result.getAccumulatorResult("sum"));
        client.cancel(id).get();
        assertEquals(List.of(id), server.gateway.cancellations);
    }
}
