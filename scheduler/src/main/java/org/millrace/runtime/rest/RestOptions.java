package org.millrace.runtime.rest;

import static org.millrace.configuration.ConfigOptions.key;

import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.configuration.ConfigOption;

/**
 * Options of the JobManager's REST endpoint (the only way clients talk to a cluster). Keys and
 * defaults are Flink's, so an existing {@code flink-conf.yaml} configures the same server.
 */
public final class RestOptions {

    private RestOptions() {}

    /**
     * The address clients use to reach the server (links, {@code GET /jars}). One declaration serves
     * client and server, so registering both holders cannot declare the key twice. The server reads
     * it only when set; unset, it advertises {@link #BIND_ADDRESS} when that names one host, else
     * {@code localhost}.
     */
    public static final ConfigOption<String> ADDRESS = RestClientOptions.ADDRESS;

    public static final ConfigOption<String> BIND_ADDRESS = key("rest.bind-address")
            .stringType()
            .noDefaultValue()
            .withDescription("The address the REST server binds to. Unset: all interfaces (0.0.0.0).");

    /** The port clients connect to; the server binds it unless {@link #BIND_PORT} is set (0: any free port). */
    public static final ConfigOption<Integer> PORT = RestClientOptions.PORT;

    public static final ConfigOption<String> BIND_PORT = key("rest.bind-port")
            .stringType()
            .noDefaultValue()
            .withDescription("The port(s) the REST server binds to, tried in order until one is free: a port,"
                    + " a range (\"50100-50200\"), or a comma-separated list of both (\"50100,50200-50300\")."
                    + " Wins over 'rest.port' for binding.");

    public static final ConfigOption<Integer> SERVER_MAX_CONTENT_LENGTH = key("rest.server.max-content-length")
            .intType()
            .defaultValue(104_857_600)
            .withDescription("The largest request body the REST server accepts, in bytes (uploads included);"
                    + " larger requests are answered with 413.");

    public static final ConfigOption<Integer> SERVER_NUM_THREADS = key("rest.server.numThreads")
            .intType()
            .defaultValue(4)
            .withDescription("Threads for the REST server's blocking work (reading uploaded job graphs and JARs).");

    public static final ConfigOption<String> UPLOAD_DIR = key("web.upload.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory under which the REST server keeps uploaded JARs and job files, in a"
                    + " sub-directory 'millrace-web-<uuid>' that is deleted when the server stops."
                    + " Unset: the JVM's temporary directory (java.io.tmpdir).");

    public static final ConfigOption<Long> REFRESH_INTERVAL = key("web.refresh-interval")
            .longType()
            .defaultValue(3000L)
            .withDescription("How often the web dashboard refreshes, in milliseconds ('GET /config').");
}
