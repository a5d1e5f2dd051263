package org.millrace.client.program.rest;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;

/**
 * Where the {@link RestClusterClient} finds the JobManager's REST endpoint and how it retries
 * while the JobManager is not reachable yet (Flink's keys). The per-request timeout is
 * {@link org.millrace.client.ClientOptions#CLIENT_TIMEOUT}.
 */
public final class RestClientOptions {

    private RestClientOptions() {}

    public static final ConfigOption<String> ADDRESS = key("rest.address")
            .stringType()
            .defaultValue("localhost")
            .withDescription("Host name or IP address of the JobManager's REST endpoint, which clients"
                    + " ('flink run -m', 'flink list', 'flink cancel') connect to; 'flink run -m <host>:<port>' sets it.");

    public static final ConfigOption<Integer> PORT = key("rest.port")
            .intType()
            .defaultValue(8081)
            .withDescription("Port of the JobManager's REST endpoint: the server listens on it and clients"
                    + " connect to it; 'flink run -m <host>:<port>' sets it for the client.");

    public static final ConfigOption<Integer> RETRY_MAX_ATTEMPTS = key("rest.retry.max-attempts")
            .intType()
            .defaultValue(20)
            .withDescription("How many times the client retries submitting a job when the JobManager refuses"
                    + " the connection (for example while the cluster is still starting), after the first attempt.");

    public static final ConfigOption<Duration> RETRY_DELAY = key("rest.retry.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(3))
            .withDescription("The pause between two of the client's connection attempts counted by"
                    + " 'rest.retry.max-attempts'.");
}
