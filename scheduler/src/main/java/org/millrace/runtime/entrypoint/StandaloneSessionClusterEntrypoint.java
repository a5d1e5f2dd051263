package org.millrace.runtime.entrypoint;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.cluster.JobManagerRpcEndpoint;
import org.millrace.runtime.dispatcher.Dispatcher;
import org.millrace.runtime.dispatcher.JobArtifacts;
import org.millrace.runtime.heartbeat.HeartbeatOptions;
import org.millrace.runtime.resourcemanager.ResourceManager;
import org.millrace.runtime.rest.RestServerEndpoint;
import org.millrace.runtime.rpc.RpcClient;
import org.millrace.runtime.rpc.RpcOptions;
import org.millrace.runtime.rpc.RpcServer;
import org.millrace.shuffle.netty.InternalSsl;
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

    private final Configuration configuration;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService ioExecutor;
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final RpcServer rpcServer;
    private final RpcClient rpcClient;
    private final JobManagerRpcEndpoint rpcEndpoint;
    private final RestServerEndpoint restEndpoint;
    private final CountDownLatch terminated = new CountDownLatch(1);

    /**
     * Creates the components; nothing listens before {@link #start()}.
     *
     * @throws org.millrace.configuration.IllegalConfigurationException if the TLS stores of
     *     {@code security.ssl.internal.*} cannot be read, naming the key to fix
     */
    public StandaloneSessionClusterEntrypoint(Configuration configuration) {
        InternalSsl ssl = InternalSsl.fromConfiguration(configuration).orElse(null);
        this.configuration = configuration;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "JobManager scheduler"));
        this.ioExecutor = Executors.newCachedThreadPool(r -> daemon(r, "JobManager io"));
        this.resourceManager = new ResourceManager(scheduler, configuration.get(ClusterOptions.EVENLY_SPREAD_OUT_SLOTS));
        JobArtifacts artifacts = new JobArtifacts(StandaloneSessionClusterEntrypoint.class.getClassLoader());
        this.dispatcher = new Dispatcher(configuration, resourceManager, configuration.get(ClusterOptions.SLOT_REQUEST_TIMEOUT),
                artifacts, ioExecutor);
        Duration askTimeout = configuration.get(RpcOptions.ASK_TIMEOUT);
        this.rpcServer = new RpcServer("jobmanager", configuration.get(ClusterOptions.JOB_MANAGER_BIND_HOST),
                configuration.get(ClusterOptions.JOB_MANAGER_PORT), ssl);
        this.rpcClient = new RpcClient("jobmanager", askTimeout, ssl);
        this.rpcEndpoint = new JobManagerRpcEndpoint(rpcServer, rpcClient, resourceManager, dispatcher, artifacts, askTimeout,
                configuration.get(HeartbeatOptions.HEARTBEAT_INTERVAL), configuration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT),
                scheduler);
        this.restEndpoint = new RestServerEndpoint(configuration, dispatcher, rpcEndpoint.getMetricStore());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Binds the control and REST endpoints; logs where they listen. */
    public void start() throws IOException {
        InetSocketAddress rpc = rpcServer.start();
        rpcEndpoint.start();
        restEndpoint.start();
        LOG.info("JobManager started: control endpoint {}, REST endpoint {}", rpc, restEndpoint.getRestBaseUrl());
    }

    public String getRestBaseUrl() {
        return restEndpoint.getRestBaseUrl();
    }

    public InetSocketAddress getRpcAddress() {
        return rpcServer.getAddress();
    }

    public Dispatcher getDispatcher() {
        return dispatcher;
    }

    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void close() {
        if (terminated.getCount() == 0) {
            return;
        }
        LOG.info("Shutting the JobManager down");
        restEndpoint.close();
        dispatcher.close();
        rpcEndpoint.close();
        rpcServer.close();
        rpcClient.close();
        scheduler.shutdownNow();
        ioExecutor.shutdown();
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
