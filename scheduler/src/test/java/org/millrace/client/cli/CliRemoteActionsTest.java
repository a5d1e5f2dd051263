package org.millrace.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.client.program.rest.MultipartParts;
import org.millrace.client.program.rest.RestTestData;
import org.millrace.client.program.rest.TestingRestServer;
import org.millrace.client.program.rest.TestingRestServer.Answer;

/** {@code flink run -m}, {@code flink list} and {@code flink cancel} against a scripted REST endpoint. */
@Timeout(60)
class CliRemoteActionsTest {

    private static final String JOB_A = "0123456789abcdef0123456789abcdef";
    private static final String JOB_B = "fedcba9876543210fedcba9876543210";
    private static final String JOB_C = "00000000000000000000000000000001";
    private static final String RULE = "--------------------------------------------------------------\n";
    private static final String ANY_RESULT_PATH = "/jobs/[0-9a-f]{32}/execution-result";

    @TempDir
    Path dir;

    private TestingRestServer server;
    private String address;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws IOException {
        server = new TestingRestServer();
        address = "127.0.0.1:" + server.port();
        CliTestPrograms.reset();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    private int flink(String... args) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new CliFrontend(out, err, Map.of()).run(args);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private Path jarOf(Class<?> mainClass) throws IOException {
        return CliTestPrograms.manifestOnlyJar(dir.resolve(mainClass.getSimpleName() + ".jar"),
                Map.of("Main-Class", mainClass.getName()));
    }

    private static String job(String id, String name, String state, long startTime) {
        return "{\"jid\":\"" + id + "\",\"name\":\"" + name + "\",\"state\":\"" + state + "\",\"start-time\":"
                + startTime + ",\"end-time\":-1,\"duration\":1,\"last-modification\":" + startTime + ",\"tasks\":{}}";
    }

    private static String line(String id, String name, String state, long startTime) {
        return new SimpleDateFormat("dd.MM.yyyy HH:mm:ss").format(new Date(startTime)) + " : " + id + " : " + name
                + " (" + state + ")\n";
    }

    private void scriptJobs() {
        server.on("GET", "/jobs/overview", Answer.json(200, "{\"jobs\":[" + job(JOB_A, "late stream", "RUNNING", 1_700_000_300_000L)
                + "," + job(JOB_B, "early stream", "RUNNING", 1_700_000_100_000L)
                + "," + job(JOB_C, "waiting", "CREATED", 1_700_000_200_000L)
                + "," + job("ffffffffffffffffffffffffffffffff", "done", "FINISHED", 1_600_000_000_000L) + "]}"));
    }

    @Test
    void listShowsRunningThenScheduledJobsInFlinksFormat() {
        scriptJobs();

        assertEquals(0, flink("list", "-m", address), err());

        assertEquals("Waiting for response...\n"
                + "------------------ Running/Restarting Jobs -------------------\n"
                + line(JOB_B, "early stream", "RUNNING", 1_700_000_100_000L)
                + line(JOB_A, "late stream", "RUNNING", 1_700_000_300_000L)
                + RULE
                + "----------------------- Scheduled Jobs -----------------------\n"
                + line(JOB_C, "waiting", "CREATED", 1_700_000_200_000L)
                + RULE, out());
        assertEquals("", err());
    }

    @Test
    void listAllAddsTheTerminatedJobsAndListRunningShowsOnlyRunningOnes() {
        scriptJobs();

        assertEquals(0, flink("list", "-a", "-m", address), err());
        assertTrue(out().endsWith("---------------------- Terminated Jobs -----------------------\n"
                + line("ffffffffffffffffffffffffffffffff", "done", "FINISHED", 1_600_000_000_000L) + RULE), out());
        outBytes.reset();
        assertEquals(0, flink("list", "-r", "-m", address), err());
        assertFalse(out().contains("Scheduled"), out());
        assertFalse(out().contains("Terminated"), out());
    }

    @Test
    void listWithoutJobsSaysSo() {
        server.on("GET", "/jobs/overview", Answer.json(200, "{\"jobs\":[]}"));
        assertEquals(0, flink("list", "-m", address), err());
        assertEquals("Waiting for response...\nNo running jobs.\nNo scheduled jobs.\n", out());
    }

    @Test
    void listReadsTheRestAddressFromTheConfigurationWithoutDashM() {
        server.on("GET", "/jobs/overview", Answer.json(200, "{\"jobs\":[]}"));
        assertEquals(0, flink("list", "-D", "rest.address=127.0.0.1", "-D", "rest.port=" + server.port()), err());
        assertEquals(1, server.requests("GET", "/jobs/overview").size());
    }

    @Test
    void listWithoutAClusterExitsOneWithTheConnectMessage() throws IOException {
        int port = RestTestData.freePort();
        assertEquals(1, flink("list", "-m", "127.0.0.1:" + port));
        assertEquals("\n------------------------------------------------------------\n"
                + " The program finished with the following exception:\n\n"
                + "Could not list the jobs: Could not connect to the JobManager at http://127.0.0.1:" + port
                + " (is the cluster running? check rest.address / rest.port or -m)\n", err());
    }

    @Test
    void cancelPrintsFlinksTwoLines() {
        server.on("PATCH", "/jobs/" + JOB_A + "?mode=cancel", Answer.json(202, "{}"));
        assertEquals(0, flink("cancel", "-m", address, JOB_A), err());
        assertEquals("Cancelling job " + JOB_A + ".\nCancelled job " + JOB_A + ".\n", out());
        assertEquals(1, server.requests("PATCH", "/jobs/" + JOB_A + "?mode=cancel").size());
    }

    @Test
    void cancellingAnUnknownJobExitsOneWithTheServersMessage() {
        server.on("PATCH", "/jobs/" + JOB_A + "?mode=cancel",
                Answer.json(404, "{\"errors\":[\"Job " + JOB_A + " not found\"]}"));
        assertEquals(1, flink("cancel", "-m", address, JOB_A));
        assertEquals("Cancelling job " + JOB_A + ".\n", out());
        assertTrue(err().endsWith("Could not cancel job " + JOB_A + ": Job " + JOB_A + " not found\n"), err());
    }

    @Test
    void clusterActionsRejectTargetsNotReachedOverRest() {
        assertEquals(1, flink("list", "-t", "yarn-session"));
        assertEquals("The configuration is invalid: Action \"list\" reaches a cluster through its REST address;"
                + " execution.target 'yarn-session' is not supported by it yet (use -m <host>:<port>)\n", err());
    }

    @Test
    void detachedRunSubmitsTheProgramsJarPrintsTheJobIdAndExitsZero() throws Exception {
        server.on("POST", "/jobs", Answer.json(202, "{\"jobUrl\":\"/jobs/x\"}"));
        Path jar = jarOf(CliTestPrograms.AccumulatingJob.class);

        assertEquals(0, flink("run", "-m", address, "-d", jar.toString()), err());

        Matcher m = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})\n").matcher(out());
        assertTrue(m.matches(), out());
        assertEquals("", err());
        TestingRestServer.RecordedRequest submission = server.requests("POST", "/jobs").get(0);
        List<MultipartParts.Part> parts = MultipartParts.parse(submission.contentType(), submission.body());
        assertEquals("[\"AccumulatingJob.jar\"]",
                new ObjectMapper().readTree(parts.get(0).text()).get("jobJarFileNames").toString());
        assertEquals("accumulating job", new ObjectMapper().readTree(parts.get(0).text()).get("jobName").asText());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(jar), parts.get(2).content()));
        assertEquals(1, server.requests().size());
    }

    @Test
    void attachedRunPrintsFlinksResultLinesWithTheClustersAccumulators() throws Exception {
        server.on("POST", "/jobs", Answer.json(202, "{\"jobUrl\":\"/jobs/x\"}"));
        server.onMatching("GET", ANY_RESULT_PATH, Answer.json(200, RestTestData.IN_PROGRESS),
                Answer.json(200, RestTestData.succeeded(42, Map.of("sum", 5050L, "records", 100))));

        assertEquals(0, flink("run", "-m", address, jarOf(CliTestPrograms.AccumulatingJob.class).toString()), err());

        Matcher m = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})\n"
                + "Program execution finished\n"
                + "Job with JobID ([0-9a-f]{32}) has finished.\n"
                + "Job Runtime: 42 ms\n"
                + "Accumulator Results: \n"
                + "- records \\(java.lang.Integer\\): 100\n"
                + "- sum \\(java.lang.Long\\): 5050\n").matcher(out());
        assertTrue(m.matches(), out());
        assertEquals(m.group(1), m.group(2));
        assertEquals(1, server.requests("GET", "/jobs/" + m.group(1) + "/execution-result").size() - 1);
    }

    @Test
    void jobFailedOnTheClusterExitsOneShowingTheClustersStackTrace() throws Exception {
        server.on("POST", "/jobs", Answer.json(202, "{\"jobUrl\":\"/jobs/x\"}"));
        server.onMatching("GET", ANY_RESULT_PATH, Answer.json(200, RestTestData.completed(
                "{\"application-status\":\"FAILED\",\"accumulator-results\":{},\"net-runtime\":5,\"failure-cause\":"
                + "{\"class\":\"org.millrace.core.execution.JobExecutionException\",\"message\":\"Job 'failing job'"
                + " failed: task 'Fragile Mapper (1/1)' failed: cannot handle record 7\",\"stack-trace\":"
                + "\"org.millrace.core.execution.JobExecutionException: Job 'failing job' failed\\n"
                + "Caused by: java.lang.IllegalStateException: cannot handle record 7\\n\\tat com.acme.Fragile.map(Fragile.java:7)\\n\"}}")));

        assertEquals(1, flink("run", "-m", address, jarOf(CliTestPrograms.FailingJob.class).toString()));

        String err = err();
        assertTrue(err.contains("org.millrace.core.execution.JobExecutionException: Job 'failing job' failed: task"
                + " 'Fragile Mapper (1/1)' failed: cannot handle record 7\n"), err);
        assertTrue(err.endsWith("\nThe job failed on the cluster with:\n"
                + "org.millrace.core.execution.JobExecutionException: Job 'failing job' failed\n"
                + "Caused by: java.lang.IllegalStateException: cannot handle record 7\n"
                + "\tat com.acme.Fragile.map(Fragile.java:7)\n"), err);
        assertFalse(out().contains("has finished"), out());
    }

    @Test
    void runAgainstNoClusterFailsWithTheConnectMessageAfterItsRetries() throws Exception {
        int port = RestTestData.freePort();
        assertEquals(1, flink("run", "-m", "127.0.0.1:" + port, "-D", "rest.retry.max-attempts=1",
                "-D", "rest.retry.delay=10 ms", jarOf(CliTestPrograms.AccumulatingJob.class).toString()));
        assertTrue(err().contains("Could not connect to the JobManager at http://127.0.0.1:" + port
                + " (is the cluster running? check rest.address / rest.port or -m)"), err());
        assertEquals("", out());
    }

    @Test
    void malformedJobManagerAddressIsAUsageError() {
        assertEquals(1, flink("run", "-m", "nohost", "job.jar"));
        assertEquals("The JobManager address (-m) must have the form <host>:<port>, was 'nohost'\n\n"
                + CliUsage.HINT + "\n", err());
    }

    @Test
    void actionHelpsExitZero() {
        assertEquals(0, flink("list", "--help"));
        assertTrue(out().startsWith("./flink list [OPTIONS]\n"), out());
        outBytes.reset();
        assertEquals(0, flink("cancel", "-h"));
        assertTrue(out().startsWith("./flink cancel [OPTIONS] <Job ID>\n"), out());
        outBytes.reset();
        assertEquals(0, flink("--help"));
        assertTrue(out().contains("Action \"list\" lists running and scheduled programs."), out());
        assertTrue(out().contains("-m,--jobmanager <arg>"), out());
    }
}
