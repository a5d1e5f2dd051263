package org.millrace.runtime.entrypoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.cluster.JobManagerRpcEndpoint;
import org.millrace.runtime.dispatcher.Dispatcher;
import org.millrace.runtime.dispatcher.ForwardingDispatcherGateway;
import org.millrace.runtime.dispatcher.JobSubmissionException;
import org.millrace.runtime.dispatcher.NotLeaderException;
import org.millrace.runtime.highavailability.JobGraphStore;
import org.millrace.runtime.highavailability.JobResultStore;
import org.millrace.runtime.highavailability.ZooKeeperCheckpointRecoveryFactory;
import org.millrace.runtime.highavailability.LeaderAddress;
import org.millrace.runtime.highavailability.LeaderContender;
import org.millrace.runtime.highavailability.LeaderElection;
import org.millrace.runtime.highavailability.LeaderRetrieval;
import org.millrace.runtime.rest.http.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a JobManager does as candidate leader of a ZooKeeper HA cluster, and the gateway its REST API
 * serves. Only while it leads does it accept jobs and TaskManagers:
 *
 * <pre>
 *  standby ──granted(session)──> wait for the jobs of an earlier leadership to stop
 *     ▲                          ─> accept TaskManagers of the session, publish the addresses
 *     │                          ─> recover every stored job (same JobID) ──> leader
 *     └────────revoked (another leader, ZooKeeper SUSPENDED/LOST, shutdown)── suspend jobs, drop TaskManagers
 * </pre>
 *
 * <p>A submitted job is written to the {@link JobGraphStore} before it starts; its checkpoint ids and
 * completed checkpoints are recorded in ZooKeeper ({@link ZooKeeperCheckpointRecoveryFactory}). When it
 * reaches a terminal state, the {@link JobResultStore} records it, then its checkpoint records and its
 * graph are removed. A suspended job keeps all of them, so the next leader runs it again from its
 * latest completed checkpoint. A standby answers submissions, cancellations and
 * savepoint requests with a {@link NotLeaderException} naming the leader; reads (jobs, checkpoint
 * statistics, TaskManagers) show what it runs itself.
 *
 * <p>Pitfall: Curator tells the contender on its event thread; revocation acts right there (it must
 * stop at once), while granting, which reads files and waits, runs on a thread of its own.
 */
public final class JobManagerLeadership extends ForwardingDispatcherGateway implements LeaderContender, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManagerLeadership.class);
    static final String COMPONENT = "jobmanager";
    private static final java.time.Duration SUSPENSION_TIMEOUT = java.time.Duration.ofMinutes(1);
    private static final int PUBLISH_ATTEMPTS = 10;
    private static final long PUBLISH_RETRY_MILLIS = 500;

    private final Dispatcher dispatcher;
    private final JobManagerRpcEndpoint rpcEndpoint;
    private final JobGraphStore jobGraphs;
    private final JobResultStore jobResults;
    private final ZooKeeperCheckpointRecoveryFactory checkpointRecords;
    private final CuratorFramework client;
    private final LeaderElection election;
    private final LeaderRetrieval leaderRetrieval;
    private final Supplier<LeaderAddress> ownAddress;
    private final Path recoveryDirectory;
    private final ExecutorService leaderActions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "JobManager leadership");
        t.setDaemon(true);
        return t;
    });
    private UUID session;
    private CompletableFuture<Void> suspension = CompletableFuture.completedFuture(null);
    private volatile String leaderRestUrl;
    /** Completed when this JobManager first leads with its addresses published. */
    private final CompletableFuture<Void> firstLeadership = new CompletableFuture<>();

    /**
     * @param client the ZooKeeper client of the cluster, closed by the caller after {@link #close()}
     * @param ownAddress this JobManager's addresses, known once its endpoints are bound
     */
    JobManagerLeadership(Dispatcher dispatcher, JobManagerRpcEndpoint rpcEndpoint, CuratorFramework client,
                         Configuration configuration, Supplier<LeaderAddress> ownAddress) throws IOException {
        super(dispatcher);
        this.dispatcher = dispatcher;
        this.rpcEndpoint = rpcEndpoint;
        this.jobGraphs = new JobGraphStore(client, configuration);
        this.jobResults = new JobResultStore(client);
        this.checkpointRecords = new ZooKeeperCheckpointRecoveryFactory(client);
        this.client = client;
        dispatcher.setCheckpointRecoveryFactory(checkpointRecords);
        this.ownAddress = ownAddress;
        this.recoveryDirectory = Files.createTempDirectory("millrace-recovered-jobs-");
        this.election = new LeaderElection(client, COMPONENT, "jobmanager-" + UUID.randomUUID(), this);
        this.leaderRetrieval = new LeaderRetrieval(client, COMPONENT, (address, leaderSession) ->
                leaderRestUrl = address == null ? null : LeaderAddress.parse(address).restBaseUrl());
        rpcEndpoint.useLeaderSessions();
    }

    /** Whether this JobManager led (addresses published) within {@code timeout}, or had before. */
    boolean awaitLeadership(java.time.Duration timeout) throws InterruptedException {
        try {
            firstLeadership.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /** Joins the election (the endpoints must be bound: the leader publishes their addresses). */
    void start() throws Exception {
        leaderRetrieval.start();
        election.start();
    }

    @Override
    public synchronized void grantLeadership(UUID leaderSessionId) {
        session = leaderSessionId;
        CompletableFuture<Void> previous = suspension;
        leaderActions.execute(() -> becomeLeader(leaderSessionId, previous));
    }

    private void becomeLeader(UUID leaderSessionId, CompletableFuture<Void> previousJobsStopped) {
        try {
            previousJobsStopped.get(SUSPENSION_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("The jobs of the previous leadership did not stop within {}; recovering anyway", SUSPENSION_TIMEOUT);
        }
        LeaderAddress address = ownAddress.get();
        synchronized (this) {
            if (!leaderSessionId.equals(session)) {
                return;
            }
            rpcEndpoint.grantLeadership(leaderSessionId);
        }
        int attempt = 1;
        while (!election.confirmLeadership(leaderSessionId, address.format())) {
            if (!leads(leaderSessionId) || attempt++ == PUBLISH_ATTEMPTS) {
                LOG.warn("Leader session {} ends unpublished", leaderSessionId);
                return;
            }
            try {
                Thread.sleep(PUBLISH_RETRY_MILLIS); // pacing retries against ZooKeeper, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("This JobManager leads (session {}): control endpoint {}:{}, REST API {}", leaderSessionId,
                address.rpcHost(), address.rpcPort(), address.restBaseUrl());
        firstLeadership.complete(null);
        recoverJobs(leaderSessionId);
    }

    private void recoverJobs(UUID leaderSessionId) {
        List<JobID> stored;
        try {
            stored = jobGraphs.jobIds();
        } catch (Exception e) {
            LOG.error("Could not list the stored jobs; none are recovered", e);
            return;
        }
        LOG.info("Recovering {} stored job(s): {}", stored.size(), stored);
        for (JobID jobId : stored) {
            if (!leads(leaderSessionId)) {
                return;
            }
            try {
                if (jobResults.hasResult(jobId)) {
                    LOG.info("Job {} had ended before the leader changed; removing it instead of running it again", jobId);
                    jobGraphs.remove(jobId);
                    continue;
                }
                Path jarDirectory = recoveryDirectory.resolve(jobId + "-" + leaderSessionId);
                JobGraphStore.RecoveredJob job = jobGraphs.recover(jobId, jarDirectory,
                        JobManagerLeadership.class.getClassLoader());
                dispatcher.submitJob(job.jobGraph(), job.jars()).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        deleteQuietly(jarDirectory);
                    }
                }).join();
                LOG.info("Recovered job {} ({})", job.jobGraph().getName(), jobId);
                // the job's class loader over these JARs is closed before its result completes
                dispatcher.requestJobResult(jobId).whenComplete((result, failure) -> deleteQuietly(jarDirectory));
                cleanUpWhenEnded(jobId, leaderSessionId);
            } catch (Exception e) {
                LOG.error("Could not recover job {}; it stays in the job graph store", jobId, e);
            }
        }
    }

    /** Once the job ends for good (not suspended), record its result and forget its graph. */
    private void cleanUpWhenEnded(JobID jobId, UUID leaderSessionId) {
        dispatcher.requestJobResult(jobId).whenCompleteAsync((result, failure) -> {
            if (failure != null || !leads(leaderSessionId)) {
                return; // suspended: the next leader recovers the job
            }
            try {
                jobResults.markTerminal(jobId, result.status().name());
                checkpointRecords.cleanUp(jobId);
                jobGraphs.remove(jobId);
            } catch (Exception e) {
                LOG.warn("Could not clean up the HA entries of ended job {}", jobId, e);
            }
        }, leaderActions);
    }

    private void deleteClusterData() {
        try {
            jobGraphs.deleteClusterFiles();
            String namespace = "/" + client.getNamespace();
            client.usingNamespace(null).delete().deletingChildrenIfNeeded().forPath(namespace);
            LOG.info("Deleted the cluster's ZooKeeper nodes under {}", namespace);
        } catch (Exception e) {
            LOG.warn("Could not delete the cluster's high-availability data: {}", e.toString());
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileTrees.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", directory, e.toString());
        }
    }

    private synchronized boolean leads(UUID leaderSessionId) {
        return leaderSessionId.equals(session);
    }

    private synchronized UUID currentSession() {
        return session;
    }

    @Override
    public synchronized void revokeLeadership() {
        if (session == null) {
            return;
        }
        session = null;
        // cancel first, then drop the TaskManagers: the lost tasks end the jobs as CANCELED, not as restarts
        suspension = dispatcher.suspendAllJobs();
        rpcEndpoint.revokeLeadership();
        LOG.warn("This JobManager no longer leads: its jobs are suspended and its TaskManagers dropped");
    }

    private NotLeaderException notLeader() {
        String leader = leaderRestUrl;
        return new NotLeaderException(leader == null
                ? "This JobManager is not the leader, and no leader is known right now; retry shortly"
                : "This JobManager is not the leader; the leader's REST API is at " + leader);
    }

    @Override
    public CompletableFuture<Void> submitJob(org.millrace.runtime.jobgraph.JobGraph jobGraph, List<Path> userJars) {
        UUID leaderSessionId = currentSession();
        if (leaderSessionId == null) {
            return CompletableFuture.failedFuture(notLeader());
        }
        JobID jobId = jobGraph.getJobID();
        if (dispatcher.getJobMaster(jobId) != null) {
            return dispatcher.submitJob(jobGraph, userJars); // refused as a duplicate, the stored entry untouched
        }
        try {
            jobGraphs.put(jobGraph, userJars);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new JobSubmissionException(jobId,
                    "could not store it in high-availability.storageDir: " + e.getMessage(), e));
        }
        return dispatcher.submitJob(jobGraph, userJars).whenComplete((ignored, failure) -> {
            if (failure == null) {
                cleanUpWhenEnded(jobId, leaderSessionId);
                return;
            }
            try {
                jobGraphs.remove(jobId); // refused (e.g. the id of an ended job): no leader may run it
            } catch (Exception e) {
                LOG.warn("Could not remove the refused job {} from the job graph store", jobId, e);
            }
        });
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        return currentSession() == null ? CompletableFuture.failedFuture(notLeader()) : dispatcher.cancelJob(jobId);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory,
                                                      org.millrace.runtime.checkpoint.SavepointType type) {
        return currentSession() == null ? CompletableFuture.failedFuture(notLeader())
                : dispatcher.triggerSavepoint(jobId, targetDirectory, type);
    }

    @Override
    public CompletableFuture<Void> disposeSavepoint(String savepointPath) {
        return currentSession() == null ? CompletableFuture.failedFuture(notLeader())
                : dispatcher.disposeSavepoint(savepointPath);
    }

    /** Leaves the election: a leader suspends its jobs (they stay stored for the next leader). */
    @Override
    public void close() {
        close(false);
    }

    /**
     * Leaves the election; with {@code deleteClusterData} (the cluster ends for good, e.g. its YARN
     * application) also deletes every ZooKeeper node and storage file of the cluster.
     */
    void close(boolean deleteClusterData) {
        try {
            election.close();
        } catch (Exception e) {
            LOG.warn("Could not leave the leader election cleanly: {}", e.toString());
        }
        leaderRetrieval.close();
        leaderActions.shutdownNow();
        if (deleteClusterData) {
            deleteClusterData();
        }
        try {
            jobGraphs.close();
        } catch (IOException e) {
            LOG.warn("Could not close the job graph store: {}", e.toString());
        }
        deleteQuietly(recoveryDirectory);
    }
}
