package org.millrace.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.highavailability.HighAvailabilityOptions;
import org.millrace.runtime.highavailability.ZooKeeperHaTesting;
import org.millrace.runtime.rest.RestOptions;

/**
 * The REST API of a ZooKeeper HA JobManager, whose gateway is its {@link JobManagerLeadership}: the
 * checkpoint and savepoint requests reach the Dispatcher like the others (they once answered 500,
 * "not offered here").
 */
@Timeout(120)
class JobManagerLeadershipTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void checkpointStatisticsAndSavepointRequestsOfTheLeaderReachItsDispatcher(@TempDir Path tmp) throws Exception {
        try (TestingServer zooKeeper = new TestingServer(true)) {
            Configuration configuration = ZooKeeperHaTesting.configuration(zooKeeper);
            configuration.set(HighAvailabilityOptions.HA_STORAGE_PATH, tmp.toUri().toString());
            configuration.set(RestOptions.PORT, 0);
            JobManagerComponents jobManager = new JobManagerComponents(configuration);
            try {
                jobManager.start();
                String unknownJob = JobID.generate().toString();
                HttpResponse<String> statistics = send(jobManager, HttpRequest.newBuilder(
                        URI.create(jobManager.getRestBaseUrl() + "/jobs/" + unknownJob + "/checkpoints")).GET());
                assertEquals(404, statistics.statusCode(), statistics.body());

                HttpRequest.Builder savepoint = HttpRequest.newBuilder(URI.create(jobManager.getRestBaseUrl() + "/jobs/"
                        + unknownJob + "/savepoints")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"target-directory\": \"" + tmp.toUri() + "\"}"));
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                HttpResponse<String> answer = send(jobManager, savepoint);
                while (answer.statusCode() == 503) { // a standby until ZooKeeper elected it
                    assertTrue(System.nanoTime() < deadline, "never elected: " + answer.body());
                    Thread.sleep(100); // polling pace of an observable condition, not synchronisation
                    answer = send(jobManager, savepoint);
                }
                assertTrue(answer.statusCode() == 404 && answer.body().contains(unknownJob),
                        answer.statusCode() + " " + answer.body());
            } finally {
                jobManager.close();
            }
        }
    }

    private HttpResponse<String> send(JobManagerComponents jobManager, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
