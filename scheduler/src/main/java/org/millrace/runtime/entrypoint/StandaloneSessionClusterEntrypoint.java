package org.millrace.runtime.entrypoint;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.dispatcher.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager process of a standalone session cluster: the Dispatcher and ResourceManager behind
 * the control RPC (TaskManagers register at {@code jobmanager.rpc.port}) and the REST API (clients
 * submit and follow jobs at {@code rest.port}). Started by {@code bin/jobmanager.sh}; runs until
 * it is stopped (SIGTERM runs an orderly shutdown that cancels running jobs). With
 * {@code security.ssl.internal.enabled} its control connections are mutually authenticated TLS.
 */
public final class StandaloneSessionClusterEntrypoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneSessionClusterEntrypoint.class);

    private final JobManagerComponents components;
    private final CountDownLatch terminated = new CountDownLatch(1);

    /**
     * Creates the components; nothing listens before {@link #start()}.
     *
     * @throws org.millrace.configuration.IllegalConfigurationException if the TLS stores of
     *     {@code security.ssl.internal.*} cannot be read, naming the key to fix
     */
    public StandaloneSessionClusterEntrypoint(Configuration configuration) {
        this.components = new JobManagerComponents(configuration);
    }

    /** Binds the control and REST endpoints; logs where they listen. */
    public void start() throws IOException {
        components.start();
    }

    public String getRestBaseUrl() {
        return components.getRestBaseUrl();
    }

    public InetSocketAddress getRpcAddress() {
        return components.getRpcAddress();
    }

    public Dispatcher getDispatcher() {
        return components.getDispatcher();
    }

    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void close() {
        if (terminated.getCount() == 0) {
            return;
        }
        components.close();
        terminated.countDown();
    }

    /** {@code bin/jobmanager.sh start-foreground}: {@code --configDir <dir> [-D key=value ...]}. */
    public static void main(String[] args) throws Exception {
        Configuration configuration = EntrypointArguments.parse("jobmanager", args).loadConfiguration();
        StandaloneSessionClusterEntrypoint entrypoint;
        try {
            entrypoint = new StandaloneSessionClusterEntrypoint(configuration);
        } catch (IllegalConfigurationException e) {
            LOG.error("JobManager could not start: {}", e.getMessage());
            System.err.println("JobManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(entrypoint::close, "JobManager shutdown"));
        try {
            entrypoint.start();
        } catch (IOException | RuntimeException e) {
            LOG.error("JobManager could not start: {}", e.getMessage(), e);
            entrypoint.close();
            System.exit(1);
        }
        entrypoint.awaitTermination();
    }
}
