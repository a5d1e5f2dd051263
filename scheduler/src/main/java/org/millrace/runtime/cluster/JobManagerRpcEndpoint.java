package org.millrace.runtime.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import org.millrace.api.common.JobID;
import org.millrace.runtime.dispatcher.Dispatcher;
import org.millrace.runtime.dispatcher.JobArtifacts;
import org.millrace.runtime.heartbeat.HeartbeatMonitor;
import org.millrace.runtime.heartbeat.HeartbeatSender;
import org.millrace.runtime.resourcemanager.ResourceManager;
import org.millrace.runtime.resourcemanager.TaskExecutorRegistration;
import org.millrace.runtime.rest.metrics.MetricStore;
import org.millrace.runtime.rpc.RpcClient;
import org.millrace.runtime.rpc.RpcServer;
import org.millrace.runtime.rpc.messages.AcknowledgeCheckpoint;
import org.millrace.runtime.rpc.messages.FetchJobJar;
import org.millrace.runtime.rpc.messages.Heartbeat;
import org.millrace.runtime.rpc.messages.JobJarChunk;
import org.millrace.runtime.rpc.messages.RegisterTaskExecutor;
import org.millrace.runtime.rpc.messages.RegistrationResponse;
import org.millrace.runtime.rpc.messages.UpdateTaskExecutionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's side of the control protocol: TaskManagers register here (and are then watched
 * by heartbeats; one that stays silent for {@code heartbeat.timeout} is dropped and its tasks
 * fail), report their tasks' states, and fetch the jars of the jobs they run. Their heartbeat
 * answers' metrics go to a {@link MetricStore} the REST API reads.
 *
 * <p>With high availability ({@link #useLeaderSessions()}) it accepts TaskManagers only while this
 * JobManager leads, and only those registering for its current leader session; the session id goes
 * with every order to them (fencing). When leadership is revoked every TaskManager is dropped: they
 * register again with whoever leads next.
 */
public final class JobManagerRpcEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManagerRpcEndpoint.class);
    static final int JAR_CHUNK_BYTES = 4 << 20;
    public static final String JOB_MANAGER_ID = "jobmanager";

    private final RpcClient client;
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final JobArtifacts artifacts;
    private final Duration askTimeout;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final HeartbeatMonitor<String> taskManagerHeartbeats;
    private final HeartbeatSender<String> heartbeatSender;
    private final MetricStore metricStore = new MetricStore();
    private volatile boolean leaderSessions;
    private volatile UUID leaderSessionId;

    public JobManagerRpcEndpoint(RpcServer server, RpcClient client, ResourceManager resourceManager,
                                 Dispatcher dispatcher, JobArtifacts artifacts, Duration askTimeout,
                                 Duration heartbeatInterval, Duration heartbeatTimeout, ScheduledExecutorService scheduler) {
        this.client = client;
        this.resourceManager = resourceManager;
        this.dispatcher = dispatcher;
        this.artifacts = artifacts;
        this.askTimeout = askTimeout;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
        this.taskManagerHeartbeats = new HeartbeatMonitor<>(heartbeatTimeout, this::taskManagerTimedOut, scheduler);
        this.heartbeatSender = new HeartbeatSender<>(taskManagerHeartbeats, heartbeatInterval, scheduler);
        server.registerHandler(RegisterTaskExecutor.class, (request, sender) -> register(request));
        server.registerHandler(UpdateTaskExecutionState.class, (request, sender) -> {
            updateTaskState(request);
            return null;
        });
        server.registerHandler(AcknowledgeCheckpoint.class, (request, sender) -> {
            acknowledgeCheckpoint(request);
            return null;
        });
        server.registerHandler(FetchJobJar.class, (request, sender) -> fetchJar(request));
    }

    /** Starts sending heartbeat requests to registered TaskManagers. */
    public void start() {
        heartbeatSender.start();
    }

    /** High availability: from now on TaskManagers are accepted only for the leader session granted here. */
    public void useLeaderSessions() {
        leaderSessions = true;
    }

    /** This JobManager leads under {@code sessionId}: TaskManagers registering for it are accepted. */
    public void grantLeadership(UUID sessionId) {
        leaderSessionId = sessionId;
    }

    /** No longer leader: refuses registrations and state reports, and drops every TaskManager. */
    public void revokeLeadership() {
        leaderSessionId = null;
        for (TaskExecutorRegistration te : resourceManager.getTaskExecutors()) {
            taskManagerHeartbeats.unmonitorTarget(te.resourceId());
            metricStore.removeTaskManager(te.resourceId());
            resourceManager.unregisterTaskExecutor(te.resourceId(),
                    new IllegalStateException("the JobManager lost its leadership"));
        }
    }

    private CompletableFuture<RegistrationResponse> register(RegisterTaskExecutor request) {
        InetSocketAddress rpcAddress = new InetSocketAddress(request.getRpcHost(), request.getRpcPort());
        String resourceId = request.getResourceId();
        UUID session = leaderSessionId;
        if (leaderSessions && (session == null || !session.toString().equals(request.getLeaderSessionId()))) {
            LOG.info("Refused TaskManager {}: it registers for leader session {}, this JobManager {}", resourceId,
                    request.getLeaderSessionId(), session == null ? "does not lead" : "leads under session " + session);
            return CompletableFuture.completedFuture(RegistrationResponse.newBuilder().setAccepted(false)
                    .setMessage("this JobManager is not the leader of session " + request.getLeaderSessionId())
                    .setHeartbeatIntervalMillis(heartbeatInterval.toMillis())
                    .setHeartbeatTimeoutMillis(heartbeatTimeout.toMillis()).build());
        }
        String sessionText = session == null ? null : session.toString();
        TaskExecutorRegistration registration = new TaskExecutorRegistration(resourceId,
                new RemoteTaskExecutorGateway(client, rpcAddress, askTimeout, session),
                request.getRpcHost() + ":" + request.getRpcPort(),
                new InetSocketAddress(request.getDataHost(), request.getDataPort()),
                request.getNumberOfSlots(), request.getCpuCores(), request.getPhysicalMemory());
        taskManagerHeartbeats.monitorTarget(resourceId, () -> client
                .ask(rpcAddress, Heartbeat.newBuilder().setSenderId(JOB_MANAGER_ID)
                        .setLeaderSessionId(sessionText).build(), Heartbeat.class, askTimeout)
                .thenAccept(answer -> {
                    if (taskManagerHeartbeats.receiveHeartbeat(resourceId)) {
                        resourceManager.recordHeartbeat(resourceId);
                        if (answer.getMetrics() != null) {
                            metricStore.update(resourceId, ControlMessages.fromReport(answer.getMetrics()),
                                    ControlMessages.taskSamples(answer.getMetrics()));
                        }
                    }
                }));
        resourceManager.registerTaskExecutor(registration);
        return CompletableFuture.completedFuture(RegistrationResponse.newBuilder().setAccepted(true)
                .setMessage("registered as " + resourceId).setHeartbeatIntervalMillis(heartbeatInterval.toMillis())
                .setHeartbeatTimeoutMillis(heartbeatTimeout.toMillis()).build());
    }

    /** The metrics the TaskManagers reported with their heartbeat answers, for the REST API. */
    public MetricStore getMetricStore() {
        return metricStore;
    }

    private void taskManagerTimedOut(String resourceId) {
        taskManagerHeartbeats.unmonitorTarget(resourceId);
        metricStore.removeTaskManager(resourceId);
        resourceManager.unregisterTaskExecutor(resourceId, new TimeoutException("the heartbeat of TaskManager "
                + resourceId + " timed out after " + heartbeatTimeout.toMillis() + " ms (heartbeat.timeout)"));
    }

    private void updateTaskState(UpdateTaskExecutionState message) throws IOException {
        if (leaderSessions && leaderSessionId == null) {
            LOG.debug("Not the leader: ignoring the state report {} of {}", message.getState(), message.getAttemptId());
            return;
        }
        JobID jobId = org.millrace.runtime.taskexecutor.ExecutionAttemptID.fromString(message.getAttemptId()).jobId();
        ClassLoader loader;
        try {
            loader = artifacts.getClassLoader(jobId);
        } catch (IOException e) {
            LOG.debug("State report for ended job {}: {}", jobId, message.getState());
            return;
        }
        dispatcher.updateTaskExecutionState(ControlMessages.fromMessage(message, loader));
    }

    private void acknowledgeCheckpoint(AcknowledgeCheckpoint message) throws IOException {
        org.millrace.runtime.taskexecutor.ExecutionAttemptID attempt =
                org.millrace.runtime.taskexecutor.ExecutionAttemptID.fromString(message.getAttemptId());
        if (message.getDeclineReason() != null) {
            dispatcher.declineCheckpoint(attempt, message.getCheckpointId(), message.getDeclineReason().toString());
        } else {
            dispatcher.acknowledgeCheckpoint(attempt, message.getCheckpointId(), ControlMessages.checkpointState(message));
        }
    }

    private CompletableFuture<JobJarChunk> fetchJar(FetchJobJar request) throws IOException {
        List<Path> jars = artifacts.getJars(JobID.fromHexString(request.getJobId()));
        if (request.getJarIndex() >= jars.size()) {
            return CompletableFuture.completedFuture(JobJarChunk.newBuilder().setNumberOfJars(jars.size()).setFileName("")
                    .setTotalLength(0).setData(ByteBuffer.allocate(0)).build());
        }
        Path jar = jars.get(request.getJarIndex());
        try (RandomAccessFile file = new RandomAccessFile(jar.toFile(), "r")) {
            long length = file.length();
            int n = (int) Math.max(0, Math.min(JAR_CHUNK_BYTES, length - request.getOffset()));
            byte[] data = new byte[n];
            file.seek(request.getOffset());
            file.readFully(data);
            return CompletableFuture.completedFuture(JobJarChunk.newBuilder().setNumberOfJars(jars.size())
                    .setFileName(jar.getFileName().toString()).setTotalLength(length).setData(ByteBuffer.wrap(data)).build());
        }
    }

    @Override
    public void close() {
        heartbeatSender.close();
        taskManagerHeartbeats.close();
    }
}
