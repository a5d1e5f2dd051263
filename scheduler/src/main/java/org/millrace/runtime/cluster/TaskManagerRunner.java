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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.runtime.entrypoint.ClusterOptions;
import org.millrace.runtime.entrypoint.EntrypointArguments;
import org.millrace.runtime.heartbeat.HeartbeatMonitor;
import org.millrace.runtime.heartbeat.HeartbeatOptions;
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
    private final InetSocketAddress jobManager;
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
        this.jobManager = new InetSocketAddress(configuration.get(ClusterOptions.JOB_MANAGER_ADDRESS),
                configuration.get(ClusterOptions.JOB_MANAGER_PORT));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "TaskManager scheduler");
            t.setDaemon(true);
            return t;
        });
        this.workingDirectory = Files.createTempDirectory("millrace-taskmanager-");
        this.rpcClient = new RpcClient("taskmanager-" + resourceId, askTimeout, ssl);
        this.classLoaders = new FetchedJarClassLoaders(rpcClient, jobManager, askTimeout, workingDirectory.resolve("jobs"),
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
            send(ControlMessages.toMessage(state), state.state() + " of " + state.attemptId());
        }

        @Override
        public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId, Map<String, SubtaskState> states) {
            send(ControlMessages.acknowledgement(attemptId, checkpointId, states),
                    "the acknowledgement of checkpoint " + checkpointId + " by " + attemptId);
        }

        @Override
        public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, String reason) {
            send(ControlMessages.decline(attemptId, checkpointId, reason),
                    "the decline of checkpoint " + checkpointId + " by " + attemptId);
        }

        private void send(org.apache.avro.specific.SpecificRecord message, String what) {
            rpcClient.tell(jobManager, message, askTimeout).exceptionally(e -> {
                LOG.warn("Could not report {} to the JobManager at {}: {}", what, jobManager, e.getMessage());
                return null;
            });
        }
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
            JobID jobId = JobID.fromHexString(request.getJobId());
            ClassLoader loader = classLoaders.getClassLoader(jobId);
            TaskDeploymentDescriptor descriptor = InstantiationUtil.deserializeObject(
                    ControlMessages.bytes(request.getDescriptor()), loader);
            return RpcHandler.acknowledgeWhen(taskExecutor.submitTask(descriptor));
        });
        rpcServer.registerHandler(CancelTask.class,
                (request, sender) -> RpcHandler.acknowledgeWhen(
                        taskExecutor.cancelTask(ExecutionAttemptID.fromString(request.getAttemptId()))));
        rpcServer.registerHandler(CheckpointTask.class, (request, sender) -> {
            ExecutionAttemptID attempt = ExecutionAttemptID.fromString(request.getAttemptId());
            return RpcHandler.acknowledgeWhen(switch (request.getAction()) {
                case TRIGGER -> taskExecutor.triggerCheckpoint(attempt, request.getCheckpointId(), request.getTimestamp(),
                        request.getTargetLocation() == null ? null : request.getTargetLocation().toString());
                case COMPLETE -> taskExecutor.notifyCheckpointComplete(attempt, request.getCheckpointId());
                case ABORT -> taskExecutor.notifyCheckpointAborted(attempt, request.getCheckpointId());
            });
        });
        rpcServer.registerHandler(ReleaseJob.class,
                (request, sender) -> RpcHandler.acknowledgeWhen(taskExecutor.releaseJob(JobID.fromHexString(request.getJobId()))));
        rpcServer.registerHandler(RequestTaskMetrics.class, (request, sender) ->
                taskExecutor.requestTaskMetrics(JobID.fromHexString(request.getJobId())).thenApply(metrics -> {
                    List<TaskIOMetricsEntry> entries = new ArrayList<>();
                    metrics.forEach((id, snapshot) -> entries.add(ControlMessages.toEntry(id, snapshot)));
                    return TaskMetricsReport.newBuilder().setEntries(entries).build();
                }));
        rpcServer.registerHandler(Heartbeat.class, (request, sender) -> {
            jobManagerHeartbeat.receiveHeartbeat(JobManagerRpcEndpoint.JOB_MANAGER_ID);
            return CompletableFuture.completedFuture(Heartbeat.newBuilder().setSenderId(resourceId)
                    .setMetrics(metricsReport()).build());
        });
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

    /** Starts the endpoints and registers with the JobManager (blocking until it accepted, or the timeout). */
    public void start() throws IOException {
        InetSocketAddress boundRpc = rpcServer.start();
        rpcAddress = new InetSocketAddress(advertisedHost, boundRpc.getPort());
        InetSocketAddress boundData = taskExecutor.getShuffleEnvironment().startServer(
                configuration.get(ClusterOptions.TASK_MANAGER_BIND_HOST));
        dataAddress = new InetSocketAddress(advertisedHost, boundData.getPort());
        LOG.info("TaskManager {} listening at {} (control) and {} (data)", resourceId, rpcAddress, dataAddress);
        register();
    }

    private void register() throws IOException {
        RegisterTaskExecutor request = RegisterTaskExecutor.newBuilder().setResourceId(resourceId)
                .setRpcHost(rpcAddress.getHostString()).setRpcPort(rpcAddress.getPort())
                .setDataHost(dataAddress.getHostString()).setDataPort(dataAddress.getPort())
                .setNumberOfSlots(taskExecutor.getNumberOfSlots())
                .setCpuCores(Runtime.getRuntime().availableProcessors())
                .setPhysicalMemory(Runtime.getRuntime().maxMemory()).build();
        long deadline = System.nanoTime() + configuration.get(ClusterOptions.REGISTRATION_TIMEOUT).toNanos();
        long backoffMillis = 100;
        Exception last = null;
        while (!closed && System.nanoTime() < deadline) {
            try {
                RegistrationResponse response = rpcClient.ask(jobManager, request, RegistrationResponse.class, askTimeout)
                        .get(askTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
                if (response.getAccepted()) {
                    jobManagerHeartbeat.monitorTarget(JobManagerRpcEndpoint.JOB_MANAGER_ID, () -> {});
                    LOG.info("Registered with the JobManager at {}: {}", jobManager, response.getMessage());
                    return;
                }
                last = new IOException(response.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while registering with the JobManager at " + jobManager, e);
            } catch (Exception e) {
                last = e;
            }
            LOG.info("Could not register with the JobManager at {} yet ({}); retrying in {} ms", jobManager,
                    last.getMessage(), backoffMillis);
            try {
                Thread.sleep(backoffMillis); // retry pacing against a JobManager that is still starting, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while registering with the JobManager at " + jobManager, e);
            }
            backoffMillis = Math.min(backoffMillis * 2, 5_000);
        }
        throw new IOException("Could not register with the JobManager at " + jobManager + " within "
                + configuration.get(ClusterOptions.REGISTRATION_TIMEOUT).toSeconds() + " s (taskmanager.registration.timeout): "
                + (last == null ? "shutting down" : last.getMessage()), last);
    }

    /** The JobManager stopped sending heartbeats: its tasks here are orphans; cancel them and register again. */
    private void jobManagerLost() {
        if (closed) {
            return;
        }
        LOG.warn("The JobManager at {} sent no heartbeat for {}; cancelling all tasks and registering again", jobManager,
                configuration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT));
        jobManagerHeartbeat.unmonitorTarget(JobManagerRpcEndpoint.JOB_MANAGER_ID);
        taskExecutor.cancelAllTasks();
        Thread reRegister = new Thread(() -> {
            try {
                register();
            } catch (IOException e) {
                LOG.error("Giving up: {}", e.getMessage());
                terminated.countDown();
            }
        }, "TaskManager registration");
        reRegister.setDaemon(true);
        reRegister.start();
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
