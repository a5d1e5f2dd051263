package org.millrace.runtime.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.runtime.entrypoint.ClusterOptions;
import org.millrace.runtime.entrypoint.EntrypointArguments;
import org.millrace.runtime.heartbeat.HeartbeatMonitor;
import org.millrace.runtime.heartbeat.HeartbeatOptions;
import org.millrace.runtime.highavailability.LeaderAddress;
import org.millrace.runtime.highavailability.LeaderRetrieval;
import org.millrace.runtime.highavailability.ZooKeeperClients;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.rest.http.FileTrees;
import org.millrace.runtime.rpc.RpcClient;
import org.millrace.runtime.rpc.RpcHandler;
import org.millrace.runtime.rpc.RpcOptions;
import org.millrace.runtime.rpc.RpcServer;
import org.millrace.runtime.rpc.messages.CancelTask;
import org.millrace.runtime.rpc.messages.CheckpointTask;
import org.millrace.runtime.checkpoint.SubtaskState;
import org.millrace.runtime.taskexecutor.TaskExecutionState;
import org.millrace.runtime.taskexecutor.TaskStateListener;
import org.millrace.runtime.rpc.messages.Heartbeat;
import org.millrace.runtime.rpc.messages.RegisterTaskExecutor;
import org.millrace.runtime.rpc.messages.RegistrationResponse;
import org.millrace.runtime.rpc.messages.ReleaseJob;
import org.millrace.runtime.rpc.messages.RequestTaskMetrics;
import org.millrace.runtime.rpc.messages.SubmitTask;
import org.millrace.runtime.rpc.messages.TaskIOMetricsEntry;
import org.millrace.runtime.rpc.messages.TaskManagerMetricsReport;
import org.millrace.runtime.rpc.messages.TaskMetricsReport;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;
import org.millrace.runtime.taskexecutor.TaskDeploymentDescriptor;
import org.millrace.runtime.taskexecutor.TaskExecutionState;
import org.millrace.runtime.taskexecutor.TaskExecutor;
import org.millrace.shuffle.metrics.ShuffleMetrics;
import org.millrace.shuffle.netty.InternalSsl;
import org.millrace.shuffle.metrics.TaskRecordCounters;
import org.millrace.util.InstantiationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager process: one {@link TaskExecutor} behind the control RPC, with a shuffle server for
 * other TaskManagers to read its partitions. It registers with the JobManager at
 * {@code jobmanager.rpc.address:jobmanager.rpc.port} (retrying until
 * {@code taskmanager.registration.timeout}), answers its heartbeats, and registers again if the
 * JobManager stays silent for {@code heartbeat.timeout}; each heartbeat answer carries its metrics
 * (network memory, per-task records and times). Started by {@code bin/taskmanager.sh}.
 *
 * <p>With {@code high-availability.type: zookeeper} it follows the leading JobManager through
 * ZooKeeper instead: when the leader changes it cancels the tasks of the old one and registers with
 * the new one. Orders carry the leader session id they were given under; those of any other session
 * (a deposed leader) are refused, and state reports of tasks of an old session are not sent.
 */
public final class TaskManagerRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);

    private final Configuration configuration;
    private final String resourceId;
    private final ScheduledExecutorService scheduler;
    private final RpcServer rpcServer;
    private final RpcClient rpcClient;
    private final TaskExecutor taskExecutor;
    private final FetchedJarClassLoaders classLoaders;
    private final boolean highAvailability;
    /** The JobManager to register with and report to: the current leader with high availability (null: none known). */
    private volatile InetSocketAddress jobManager;
    /** The current leader's session id (fencing token); null without high availability or while no leader is known. */
    private volatile UUID leaderSessionId;
    /** Bumped whenever a new registration starts; an older registration loop then stops. */
    private final AtomicInteger registrationGeneration = new AtomicInteger();
    /** High availability: the leader session each running attempt was deployed by. */
    private final Map<ExecutionAttemptID, String> attemptSessions = new ConcurrentHashMap<>();
    /** High availability: jobs deployed here since the last registration, released when the leader changes. */
    private final Set<JobID> deployedJobs = ConcurrentHashMap.newKeySet();
    private CuratorFramework zooKeeper;
    private LeaderRetrieval leaderRetrieval;
    private final Duration askTimeout;
    private final Path workingDirectory;
    private final HeartbeatMonitor<String> jobManagerHeartbeat;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final String advertisedHost;
    private InetSocketAddress rpcAddress;
    private InetSocketAddress dataAddress;
    private volatile boolean closed;

    /**
     * Creates the endpoints; nothing listens before {@link #start()}.
     *
     * @throws org.millrace.configuration.IllegalConfigurationException if the TLS stores of
     *     {@code security.ssl.internal.*} cannot be read, naming the key to fix
     */
    public TaskManagerRunner(Configuration configuration) throws IOException {
        InternalSsl ssl = InternalSsl.fromConfiguration(configuration).orElse(null);
        this.configuration = configuration;
        this.advertisedHost = configuration.getOptional(ClusterOptions.TASK_MANAGER_HOST)
                .orElseGet(TaskManagerRunner::localHostName);
        this.resourceId = configuration.getOptional(ClusterOptions.TASK_MANAGER_RESOURCE_ID)
                .orElseGet(() -> advertisedHost + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.askTimeout = configuration.get(RpcOptions.ASK_TIMEOUT);
        this.highAvailability = ZooKeeperClients.isZooKeeperHa(configuration);
        this.jobManager = highAvailability ? null : new InetSocketAddress(configuration.get(ClusterOptions.JOB_MANAGER_ADDRESS),
                configuration.get(ClusterOptions.JOB_MANAGER_PORT));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "TaskManager scheduler");
            t.setDaemon(true);
            return t;
        });
        this.workingDirectory = Files.createTempDirectory("millrace-taskmanager-");
        this.rpcClient = new RpcClient("taskmanager-" + resourceId, askTimeout, ssl);
        this.classLoaders = new FetchedJarClassLoaders(rpcClient, () -> jobManager, askTimeout, workingDirectory.resolve("jobs"),
                TaskManagerRunner.class.getClassLoader());
        this.taskExecutor = new TaskExecutor(resourceId, configuration, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS),
                classLoaders, new JobManagerReporter());
        this.rpcServer = new RpcServer("taskmanager", configuration.get(ClusterOptions.TASK_MANAGER_BIND_HOST),
                configuration.get(ClusterOptions.TASK_MANAGER_RPC_PORT), ssl);
        this.jobManagerHeartbeat = new HeartbeatMonitor<>(configuration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT),
                id -> jobManagerLost(), scheduler);
        if (ssl != null) {
            taskExecutor.getShuffleEnvironment().useInternalSsl(ssl);
        }
        registerHandlers();
    }

    /** Sends the tasks' state changes and checkpoint acknowledgements to the JobManager. */
    private final class JobManagerReporter implements TaskStateListener {
        @Override
        public void taskStateChanged(TaskExecutionState state) {
            report(state);
        }

        @Override
        public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId, Map<String, SubtaskState> states) {
            if (!deployedByLeader(attemptId)) {
                return;
            }
            send(ControlMessages.acknowledgement(attemptId, checkpointId, states),
                    "the acknowledgement of checkpoint " + checkpointId + " by " + attemptId);
        }

        @Override
        public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, String reason) {
            if (!deployedByLeader(attemptId)) {
                return;
            }
            send(ControlMessages.decline(attemptId, checkpointId, reason),
                    "the decline of checkpoint " + checkpointId + " by " + attemptId);
        }

        private void send(org.apache.avro.specific.SpecificRecord message, String what) {
            InetSocketAddress target = jobManager;
            rpcClient.tell(target, message, askTimeout).exceptionally(e -> {
                LOG.warn("Could not report {} to the JobManager at {}: {}", what, target, e.getMessage());
                return null;
            });
        }
    }

    /** With HA, whether the attempt was deployed by the current leader (else its reports go nowhere). */
    private boolean deployedByLeader(ExecutionAttemptID id) {
        if (!highAvailability) {
            return true;
        }
        String session = attemptSessions.get(id);
        return session != null && session.equals(String.valueOf(leaderSessionId));
    }

    /** Sends a task's state change to the JobManager; with HA only to the leader that deployed the task. */
    private void report(TaskExecutionState state) {
        if (highAvailability) {
            ExecutionAttemptID id = state.attemptId();
            String session = state.state().isTerminal() ? attemptSessions.remove(id) : attemptSessions.get(id);
            if (session == null || !session.equals(String.valueOf(leaderSessionId))) {
                LOG.debug("Not reporting {} of {}: deployed by leader session {}, the leader is now {}", state.state(), id,
                        session, leaderSessionId);
                return;
            }
        }
        InetSocketAddress target = jobManager;
        rpcClient.tell(target, ControlMessages.toMessage(state), askTimeout).exceptionally(e -> {
            LOG.warn("Could not report {} of {} to the JobManager at {}: {}", state.state(), state.attemptId(), target,
                    e.getMessage());
            return null;
        });
    }

    /** Whether an order with this fencing token comes from the current leader (always, without HA). */
    private boolean fromLeader(String orderSessionId) {
        UUID current = leaderSessionId;
        return !highAvailability || (current != null && current.toString().equals(orderSessionId));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private void registerHandlers() {
        rpcServer.registerHandler(SubmitTask.class, (request, sender) -> {
            if (!fromLeader(request.getLeaderSessionId())) {
                LOG.warn("Refused task {}: ordered under leader session {}, but the leader is {}", request.getAttemptId(),
                        request.getLeaderSessionId(), leaderSessionId);
                return CompletableFuture.failedFuture(new IllegalStateException("TaskManager " + resourceId
                        + " refuses orders of leader session " + request.getLeaderSessionId() + ": it is not the leader's"));
            }
            JobID jobId = JobID.fromHexString(request.getJobId());
            ClassLoader loader = classLoaders.getClassLoader(jobId);
            TaskDeploymentDescriptor descriptor = InstantiationUtil.deserializeObject(
                    ControlMessages.bytes(request.getDescriptor()), loader);
            if (highAvailability) {
                attemptSessions.put(descriptor.attemptId(), request.getLeaderSessionId());
                deployedJobs.add(jobId);
            }
            return RpcHandler.acknowledgeWhen(taskExecutor.submitTask(descriptor));
        });
        rpcServer.registerHandler(CancelTask.class, (request, sender) -> RpcHandler.acknowledgeWhen(
                fromLeader(request.getLeaderSessionId())
                        ? taskExecutor.cancelTask(ExecutionAttemptID.fromString(request.getAttemptId()))
                        : ignored("cancel " + request.getAttemptId(), request.getLeaderSessionId())));
        rpcServer.registerHandler(ReleaseJob.class, (request, sender) -> RpcHandler.acknowledgeWhen(
                fromLeader(request.getLeaderSessionId())
                        ? taskExecutor.releaseJob(JobID.fromHexString(request.getJobId()))
                        : ignored("release job " + request.getJobId(), request.getLeaderSessionId())));
        rpcServer.registerHandler(CheckpointTask.class, (request, sender) -> {
            ExecutionAttemptID attempt = ExecutionAttemptID.fromString(request.getAttemptId());
            if (!fromLeader(request.getLeaderSessionId())) {
                return RpcHandler.acknowledgeWhen(ignored("checkpoint " + request.getCheckpointId() + " of " + attempt,
                        request.getLeaderSessionId()));
            }
            return RpcHandler.acknowledgeWhen(switch (request.getAction()) {
                case TRIGGER -> taskExecutor.triggerCheckpoint(attempt, request.getCheckpointId(), request.getTimestamp(),
                        request.getTargetLocation() == null ? null : request.getTargetLocation().toString(),
                        request.getDrain());
                case COMPLETE -> taskExecutor.notifyCheckpointComplete(attempt, request.getCheckpointId());
                case ABORT -> taskExecutor.notifyCheckpointAborted(attempt, request.getCheckpointId());
            });
        });
        rpcServer.registerHandler(RequestTaskMetrics.class, (request, sender) ->
                taskExecutor.requestTaskMetrics(JobID.fromHexString(request.getJobId())).thenApply(metrics -> {
                    List<TaskIOMetricsEntry> entries = new ArrayList<>();
                    metrics.forEach((id, snapshot) -> entries.add(ControlMessages.toEntry(id, snapshot)));
                    return TaskMetricsReport.newBuilder().setEntries(entries).build();
                }));
        rpcServer.registerHandler(Heartbeat.class, (request, sender) -> {
            if (!fromLeader(request.getLeaderSessionId())) {
                return CompletableFuture.failedFuture(new IllegalStateException("TaskManager " + resourceId
                        + " follows another leader than session " + request.getLeaderSessionId()));
            }
            jobManagerHeartbeat.receiveHeartbeat(JobManagerRpcEndpoint.JOB_MANAGER_ID);
            return CompletableFuture.completedFuture(Heartbeat.newBuilder().setSenderId(resourceId)
                    .setMetrics(metricsReport()).build());
        });
    }

    private CompletableFuture<Void> ignored(String order, String orderSessionId) {
        LOG.info("Ignoring the order to {} of leader session {}: the leader is now {}", order, orderSessionId, leaderSessionId);
        return CompletableFuture.completedFuture(null);
    }

    /** What the heartbeat answer tells the JobManager: network memory and the running tasks' figures. */
    private TaskManagerMetricsReport metricsReport() {
        ShuffleMetrics metrics = taskExecutor.getShuffleEnvironment().getMetrics();
        long now = System.currentTimeMillis();
        Map<String, TaskRecordCounters> counters = metrics.tasks();
        Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> times = new HashMap<>();
        counters.keySet().stream().map(id -> ExecutionAttemptID.fromString(id).jobId()).distinct()
                .forEach(jobId -> times.putAll(taskExecutor.requestTaskMetrics(jobId).join()));
        return ControlMessages.toReport(now, metrics.networkMemory(), counters, times);
    }

    /**
     * Starts the endpoints and registers with the JobManager (blocking until it accepted, or the
     * timeout); with high availability, starts following the leader and registers in the background.
     */
    public void start() throws IOException {
        InetSocketAddress boundRpc = rpcServer.start();
        rpcAddress = new InetSocketAddress(advertisedHost, boundRpc.getPort());
        InetSocketAddress boundData = taskExecutor.getShuffleEnvironment().startServer(
                configuration.get(ClusterOptions.TASK_MANAGER_BIND_HOST));
        dataAddress = new InetSocketAddress(advertisedHost, boundData.getPort());
        LOG.info("TaskManager {} listening at {} (control) and {} (data)", resourceId, rpcAddress, dataAddress);
        if (highAvailability) {
            zooKeeper = ZooKeeperClients.start(configuration);
            leaderRetrieval = new LeaderRetrieval(zooKeeper, "jobmanager", this::leaderChanged);
            leaderRetrieval.start();
            LOG.info("TaskManager {} follows the JobManager leader through ZooKeeper", resourceId);
        } else {
            register(registrationGeneration.get());
        }
    }

    /** High availability: the leading JobManager changed (address null: none right now). */
    private synchronized void leaderChanged(String address, UUID session) {
        if (closed || Objects.equals(session, leaderSessionId)) {
            return;
        }
        int generation = registrationGeneration.incrementAndGet();
        jobManagerHeartbeat.unmonitorTarget(JobManagerRpcEndpoint.JOB_MANAGER_ID);
        leaderSessionId = session;
        if (taskExecutor.getNumberOfRunningTasks() > 0) {
            LOG.info("Cancelling the {} task(s) of the previous JobManager leader", taskExecutor.getNumberOfRunningTasks());
            taskExecutor.cancelAllTasks();
        }
        if (address == null) {
            LOG.warn("No JobManager leads right now; waiting for the next leader");
            return;
        }
        jobManager = LeaderAddress.parse(address).rpcAddress();
        LOG.info("The JobManager leader is at {} (session {}); registering", jobManager, session);
        registerInBackground(generation);
    }

    /** Registers on a thread of its own (with HA, after the tasks of an earlier leader have stopped). */
    private void registerInBackground(int generation) {
        Thread registration = new Thread(() -> {
            try {
                if (highAvailability) {
                    awaitNoRunningTasks();
                    releaseJobsOfEarlierLeaders();
                }
                register(generation);
            } catch (IOException e) {
                if (generation == registrationGeneration.get()) {
                    LOG.error("Giving up: {}", e.getMessage());
                    terminated.countDown();
                }
            }
        }, "TaskManager registration");
        registration.setDaemon(true);
        registration.start();
    }

    /**
     * Waits until the cancelled tasks of an earlier JobManager are gone, so a new leader's attempts
     * (whose ids may repeat the old ones') never meet them. Bounded by the heartbeat timeout.
     */
    private void awaitNoRunningTasks() throws IOException {
        long deadline = System.nanoTime() + configuration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT).toNanos();
        while (taskExecutor.getNumberOfRunningTasks() > 0 && System.nanoTime() < deadline && !closed) {
            try {
                // the TaskExecutor offers no future for "all tasks ended"; pace of an observable condition
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for cancelled tasks to end", e);
            }
        }
    }

    /**
     * Drops the partitions and code of jobs an earlier leader deployed here: a new leader runs a
     * recovered job again from the start, under the same JobID.
     */
    private void releaseJobsOfEarlierLeaders() {
        for (JobID jobId : List.copyOf(deployedJobs)) {
            deployedJobs.remove(jobId);
            taskExecutor.releaseJob(jobId);
        }
    }

    private void register(int generation) throws IOException {
        RegisterTaskExecutor request = RegisterTaskExecutor.newBuilder().setResourceId(resourceId)
                .setRpcHost(rpcAddress.getHostString()).setRpcPort(rpcAddress.getPort())
                .setDataHost(dataAddress.getHostString()).setDataPort(dataAddress.getPort())
                .setNumberOfSlots(taskExecutor.getNumberOfSlots())
                .setCpuCores(Runtime.getRuntime().availableProcessors())
                .setPhysicalMemory(Runtime.getRuntime().maxMemory()).build();
        long deadline = System.nanoTime() + configuration.get(ClusterOptions.REGISTRATION_TIMEOUT).toNanos();
        long backoffMillis = 100;
        Exception last = null;
        InetSocketAddress target = jobManager;
        while (!closed && generation == registrationGeneration.get() && System.nanoTime() < deadline) {
            target = jobManager;
            UUID session = leaderSessionId;
            try {
                RegistrationResponse response = rpcClient.ask(target, RegisterTaskExecutor.newBuilder(request)
                                .setLeaderSessionId(session == null ? null : session.toString()).build(),
                                RegistrationResponse.class, askTimeout)
                        .get(askTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
                if (response.getAccepted()) {
                    synchronized (this) {
                        if (generation == registrationGeneration.get()) {
                            jobManagerHeartbeat.monitorTarget(JobManagerRpcEndpoint.JOB_MANAGER_ID, () -> {});
                            LOG.info("Registered with the JobManager at {}: {}", target, response.getMessage());
                        }
                    }
                    return;
                }
                last = new IOException(response.getMessage());
                if (leaderRetrieval != null) {
                    leaderRetrieval.refresh(); // refused: this view of the leader may be stale
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while registering with the JobManager at " + target, e);
            } catch (Exception e) {
                last = e;
            }
            LOG.info("Could not register with the JobManager at {} yet ({}); retrying in {} ms", target,
                    last.getMessage(), backoffMillis);
            try {
                Thread.sleep(backoffMillis); // retry pacing against a JobManager that is still starting, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while registering with the JobManager at " + target, e);
            }
            backoffMillis = Math.min(backoffMillis * 2, 5_000);
        }
        if (generation != registrationGeneration.get()) {
            return; // a newer registration (with a new leader) took over
        }
        throw new IOException("Could not register with the JobManager at " + target + " within "
                + configuration.get(ClusterOptions.REGISTRATION_TIMEOUT).toSeconds() + " s (taskmanager.registration.timeout): "
                + (last == null ? "shutting down" : last.getMessage()), last);
    }

    /** The JobManager stopped sending heartbeats: its tasks here are orphans; cancel them and register again. */
    private synchronized void jobManagerLost() {
        if (closed) {
            return;
        }
        LOG.warn("The JobManager at {} sent no heartbeat for {}; cancelling all tasks and registering again", jobManager,
                configuration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT));
        jobManagerHeartbeat.unmonitorTarget(JobManagerRpcEndpoint.JOB_MANAGER_ID);
        taskExecutor.cancelAllTasks();
        registerInBackground(registrationGeneration.incrementAndGet());
    }

    public InetSocketAddress getRpcAddress() {
        return rpcAddress;
    }

    /** Blocks until the TaskManager gave up on its JobManager. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (leaderRetrieval != null) {
            leaderRetrieval.close();
            zooKeeper.close();
        }
        jobManagerHeartbeat.close();
        rpcServer.close();
        try {
            taskExecutor.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rpcClient.close();
        scheduler.shutdownNow();
        try {
            FileTrees.deleteRecursively(workingDirectory);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", workingDirectory, e.toString());
        }
        terminated.countDown();
        LOG.info("TaskManager {} stopped", resourceId);
    }

    /** {@code bin/taskmanager.sh start-foreground}: {@code --configDir <dir> [-D key=value ...]}. */
    public static void main(String[] args) throws Exception {
        Configuration configuration = EntrypointArguments.parse("taskmanager", args).loadConfiguration();
        TaskManagerRunner runner;
        try {
            runner = new TaskManagerRunner(configuration);
        } catch (IllegalConfigurationException e) {
            LOG.error("TaskManager could not start: {}", e.getMessage());
            System.err.println("TaskManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "TaskManager shutdown"));
        try {
            runner.start();
        } catch (IOException e) {
            LOG.error("TaskManager could not start: {}", e.getMessage(), e);
            runner.close();
            System.exit(1);
        }
        runner.awaitTermination();
        runner.close();
        System.exit(1);
    }
}
