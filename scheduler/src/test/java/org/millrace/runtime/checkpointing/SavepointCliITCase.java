package org.millrace.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.client.cli.CliFrontend;
import org.millrace.client.cli.CliOptionsParser;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.minicluster.MiniCluster;
import org.millrace.runtime.rest.RestOptions;
import org.millrace.runtime.rest.RestServerEndpoint;

/**
 * {@code flink savepoint}, {@code flink stop} and {@code flink savepoint --dispose} against a
 * running cluster's REST API, with the lines and exit codes scripts parse; {@code GET
 * /jobs/:jobid/checkpoints}; {@code run -s/-n} turn into the savepoint options.
 */
@Timeout(180)
class SavepointCliITCase {

    private static final Pattern SAVEPOINT_LINE = Pattern.compile("Savepoint completed\\. Path: (\\S+)");
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int flink(String... args) {
        outBytes.reset();
        errBytes.reset();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new CliFrontend(out, err, Map.of()).run(args);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void savepointStopAndDisposeFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Configuration conf = new Configuration();
        conf.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), tmp.resolve("checkpoints").toUri().toString());
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);
        conf.set(RestOptions.UPLOAD_DIR, tmp.toString());
        String savepoints = tmp.resolve("savepoints").toString();
        try (MiniCluster cluster = new MiniCluster(conf, 2);
             RestServerEndpoint rest = new RestServerEndpoint(conf, cluster.getDispatcher())) {
            rest.start();
            String address = URI.create(rest.getRestBaseUrl()).getAuthority();
            JobGraph job = SavepointRescaleITCase.job(conf, 2, true);
            CompletableFuture<JobExecutionResult> result = cluster.submitJob(job, getClass().getClassLoader());
            String jobId = job.getJobID().toString();

            JsonNode checkpoints = awaitJson(rest.getRestBaseUrl() + "/jobs/" + jobId + "/checkpoints",
                    json -> json.path("counts").path("completed").asLong() >= 1);
            assertTrue(checkpoints.path("latest").path("completed").path("external_path").asText().contains("chk-"),
                    checkpoints.toString());

            String savepoint = savepointOf(awaitSuccess("savepoint", "-m", address, jobId, savepoints));
            assertTrue(out().startsWith("Triggering savepoint for job " + jobId + ".\n"), out());
            assertTrue(Files.exists(Path.of(URI.create(savepoint)).resolve("_metadata")), savepoint);

            assertEquals(0, flink("stop", "-m", address, "-p", savepoints, jobId), err());
            String stopped = savepointOf(out());
            ExecutionException cancelled = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> result.get(60, TimeUnit.SECONDS));
            assertTrue(cancelled.getCause().getMessage().contains("cancelled"), cancelled.toString());
            assertFalse(stopped.equals(savepoint));

            assertEquals(0, flink("savepoint", "-m", address, "-d", savepoint), err());
            assertEquals("Disposing savepoint '" + savepoint + "'.\nSavepoint '" + savepoint + "' disposed.\n", out());
            assertFalse(Files.exists(Path.of(URI.create(savepoint))), "disposed savepoint still there");

            assertEquals(1, flink("savepoint", "-m", address, "-d", tmp.resolve("checkpoints").toString()));
            assertTrue(err().contains("Could not dispose savepoint"), err());
            assertEquals(1, flink("savepoint", "-m", address, "0123456789abcdef0123456789abcdef", savepoints));
            assertTrue(err().contains("0123456789abcdef0123456789abcdef"), err());
        }
    }

    @Test
    void runFromSavepointOptionsSetTheSavepointKeys() throws Exception {
        Map<String, String> settings = CliOptionsParser.parseRunOptions(
                List.of("-s", "hdfs:///sp/savepoint-1", "-n", "job.jar", "--input", "x")).configurationSettings();
        assertEquals("hdfs:///sp/savepoint-1", settings.get("execution.savepoint.path"));
        assertEquals("true", settings.get("execution.savepoint.ignore-unclaimed-state"));
    }

    /** Runs the command until it succeeds: the first savepoint may come before every task runs. */
    private String awaitSuccess(String... args) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (flink(args) != 0) {
            assertTrue(System.nanoTime() < deadline, "flink " + String.join(" ", args) + " kept failing: " + err());
            Thread.sleep(100); // retry pace
        }
        return out();
    }

    private static String savepointOf(String output) {
        Matcher m = SAVEPOINT_LINE.matcher(output);
        assertTrue(m.find(), output);
        return m.group(1);
    }

    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> condition) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode json = new ObjectMapper().readTree(response.body());
                if (condition.test(json)) {
                    return json;
                }
            }
            assertTrue(System.nanoTime() < deadline, url + " answered " + response.statusCode() + ": " + response.body());
            Thread.sleep(50); // polling pace
        }
    }
}
