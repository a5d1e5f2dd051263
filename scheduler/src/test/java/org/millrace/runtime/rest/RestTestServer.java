package org.millrace.runtime.rest;

import java.io.IOException;
import java.nio.file.Path;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.rest.metrics.MetricStore;

/** A REST server on a free loopback port in front of a {@link TestingDispatcherGateway}, with a client for it. */
final class RestTestServer implements AutoCloseable {

    final TestingDispatcherGateway gateway = new TestingDispatcherGateway();
    final MetricStore metrics = new MetricStore();
    final RestServerEndpoint endpoint;
    final RestTestClient client;

    RestTestServer(Path uploadRoot) throws IOException {
        this(uploadRoot, new Configuration());
    }

    /** @param extra options added to (and winning over) the test defaults */
    RestTestServer(Path uploadRoot, Configuration extra) throws IOException {
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.PORT, 0);
        configuration.set(RestOptions.UPLOAD_DIR, uploadRoot.toString());
        configuration.addAll(extra);
        endpoint = new RestServerEndpoint(configuration, gateway, metrics);
        endpoint.start();
        client = new RestTestClient(endpoint.getRestBaseUrl());
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
