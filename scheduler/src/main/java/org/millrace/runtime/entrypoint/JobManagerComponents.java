package org.millrace.runtime.entrypoint;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.cluster.JobManagerRpcEndpoint;
import org.millrace.runtime.dispatcher.Dispatcher;
import org.millrace.runtime.dispatcher.DispatcherGateway;
import org.millrace.runtime.dispatcher.JobArtifacts;
import org.millrace.runtime.heartbeat.HeartbeatOptions;
import org.millrace.runtime.highavailability.HighAvailabilityOptions;
import org.millrace.runtime.highavailability.LeaderAddress;
import org.millrace.runtime.highavailability.ZooKeeperClients;
import org.millrace.runtime.resourcemanager.ResourceManager;
import org.millrace.runtime.rest.RestServerEndpoint;
import org.millrace.runtime.rpc.RpcClient;
import org.millrace.runtime.rpc.RpcOptions;
import org.millrace.runtime.rpc.RpcServer;
import org.millrace.shuffle.netty.InternalSsl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a JobManager process, wired together: ResourceManager, Dispatcher, the control RPC
 * that TaskManagers register at ({@code jobmanager.rpc.port}) and the REST API
 * ({@code rest.bind-port}). Shared by the standalone JobManager and the YARN ApplicationMaster, which
 * differ only in how they are started and stopped and in the ResourceManager's driver.
 *
 * <p>With {@code high-availability.type: zookeeper} the process is a candidate leader
 * ({@link JobManagerLeadership}): its control endpoint binds {@code high-availability.jobmanager.port},
 * and it runs jobs and accepts TaskManagers only while it leads.
 */
public final class JobManagerComponents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManagerComponents.class);

    private final ScheduledExecutorService scheduler;
    private final ExecutorService ioExecutor;
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final RpcServer rpcServer;
    private final RpcClient rpcClient;
    private final JobManagerRpcEndpoint rpcEndpoint;
    private final RestServerEndpoint restEndpoint;
    private final CuratorFramework zooKeeper;
    private final JobManagerLeadership leadership;
    private boolean closed;
    private volatile boolean deleteHighAvailabilityData;

    /**
     * @throws org.millrace.configuration.IllegalConfigurationException if the TLS stores of
     *     {@code security.ssl.internal.*} cannot be read, naming the key to fix
     */
    public JobManagerComponents(Configuration configuration) {
        this(configuration, UnaryOperator.identity());
    }

    /**
     * @param restGateway wraps the Dispatcher for the REST API (the YARN per-job ApplicationMaster
     *     watches which job results its client has fetched)
     */
    public JobManagerComponents(Configuration configuration, UnaryOperator<DispatcherGateway> restGateway) {
        boolean highAvailability = ZooKeeperClients.isZooKeeperHa(configuration);
        // mutually authenticated TLS on the control connections with security.ssl.internal.enabled
        InternalSsl ssl = InternalSsl.fromConfiguration(configuration).orElse(null);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "JobManager scheduler"));
        this.ioExecutor = Executors.newCachedThreadPool(r -> daemon(r, "JobManager io"));
        this.resourceManager = new ResourceManager(scheduler, configuration.get(ClusterOptions.EVENLY_SPREAD_OUT_SLOTS));
        JobArtifacts artifacts = new JobArtifacts(JobManagerComponents.class.getClassLoader());
        this.dispatcher = new Dispatcher(configuration, resourceManager, configuration.get(ClusterOptions.SLOT_REQUEST_TIMEOUT),
                artifacts, ioExecutor);
        Duration askTimeout = configuration.get(RpcOptions.ASK_TIMEOUT);
        this.rpcServer = new RpcServer("jobmanager", configuration.get(ClusterOptions.JOB_MANAGER_BIND_HOST),
                highAvailability ? configuration.get(HighAvailabilityOptions.HA_JOB_MANAGER_PORT)
                        : configuration.get(ClusterOptions.JOB_MANAGER_PORT), ssl);
        this.rpcClient = new RpcClient("jobmanager", askTimeout, ssl);
        this.rpcEndpoint = new JobManagerRpcEndpoint(rpcServer, rpcClient, resourceManager, dispatcher, artifacts, askTimeout,
                configuration.get(HeartbeatOptions.HEARTBEAT_INTERVAL), configuration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT),
                scheduler);
        if (highAvailability) {
            this.zooKeeper = ZooKeeperClients.start(configuration);
            String rpcHost = configuration.get(ClusterOptions.JOB_MANAGER_ADDRESS);
            try {
                this.leadership = new JobManagerLeadership(dispatcher, rpcEndpoint, zooKeeper, configuration,
                        () -> new LeaderAddress(rpcHost, getRpcAddress().getPort(), getRestBaseUrl()));
            } catch (IOException e) {
                zooKeeper.close();
                throw new java.io.UncheckedIOException("Could not open high-availability.storageDir: " + e.getMessage(), e);
            }
        } else {
            this.zooKeeper = null;
            this.leadership = null;
        }
        this.restEndpoint = new RestServerEndpoint(configuration,
                restGateway.apply(leadership != null ? leadership : dispatcher), rpcEndpoint.getMetricStore());
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
        if (leadership != null) {
            try {
                leadership.start();
            } catch (Exception e) {
                throw new IOException("Could not join the leader election in ZooKeeper: " + e.getMessage(), e);
            }
            LOG.info("High availability: contending for the leadership through ZooKeeper");
        }
    }

    /**
     * With high availability: waits until this JobManager leads (a standby may never); without, true at once.
     *
     * @return whether it leads
     */
    public boolean awaitLeadership(Duration timeout) throws InterruptedException {
        return leadership == null || leadership.awaitLeadership(timeout);
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

    public ResourceManager getResourceManager() {
        return resourceManager;
    }

    /** Timers of the JobManager (one thread; tasks must not block). */
    public ScheduledExecutorService getScheduler() {
        return scheduler;
    }

    /**
     * With high availability: {@link #close()} also deletes the cluster's ZooKeeper nodes and files in
     * {@code high-availability.storageDir}, as the cluster ends for good (its YARN application ends).
     */
    public void deleteHighAvailabilityDataOnClose() {
        deleteHighAvailabilityData = true;
    }

    /** Stops accepting requests, cancels running jobs, stops the threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Shutting the JobManager down");
        if (leadership != null) {
            leadership.close(deleteHighAvailabilityData); // a leader suspends its jobs: stored for the next leader
        }
        restEndpoint.close();
        dispatcher.close();
        rpcEndpoint.close();
        rpcServer.close();
        rpcClient.close();
        scheduler.shutdownNow();
        ioExecutor.shutdown();
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }
}
