package org.millrace.client;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.millrace.configuration.ConfigOption;

/**
 * Options of the client side of a job submission (Flink's keys): how long the client waits for the
 * cluster, and which JAR files travel with the job.
 */
public final class ClientOptions {

    private ClientOptions() {}

    public static final ConfigOption<Duration> CLIENT_TIMEOUT = key("client.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(60))
            .withDescription("How long the client waits for one answer of the cluster (submitting a job,"
                    + " listing or cancelling jobs, one poll for a job's result) and for a connection to it.");

    public static final ConfigOption<List<String>> PIPELINE_JARS = key("pipeline.jars")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("JAR files uploaded with a job to a cluster, separated by ';': file paths or file:"
                    + " URLs. 'flink run' sets it to the program's JAR file. The local (embedded) target ignores it.");
}
