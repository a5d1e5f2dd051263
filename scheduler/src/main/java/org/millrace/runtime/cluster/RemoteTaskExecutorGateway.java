package org.millrace.runtime.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobID;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.rpc.RpcClient;
import org.millrace.runtime.rpc.messages.CancelTask;
import org.millrace.runtime.rpc.messages.ReleaseJob;
import org.millrace.runtime.rpc.messages.RequestTaskMetrics;
import org.millrace.runtime.rpc.messages.SubmitTask;
import org.millrace.runtime.rpc.messages.TaskIOMetricsEntry;
import org.millrace.runtime.rpc.messages.TaskMetricsReport;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;
import org.millrace.runtime.rpc.messages.CheckpointAction;
import org.millrace.runtime.rpc.messages.CheckpointTask;
import org.millrace.runtime.taskexecutor.TaskDeploymentDescriptor;
import org.millrace.runtime.taskexecutor.TaskExecutorGateway;
import org.millrace.util.InstantiationUtil;

/**
 * The JobManager's handle on a TaskExecutor in another JVM: each call becomes a control message.
 * With high availability every order carries the leader session id it was registered under, so a
 * TaskManager ignores the orders of a deposed leader.
 */
public final class RemoteTaskExecutorGateway implements TaskExecutorGateway {

    private final RpcClient client;
    private final InetSocketAddress address;
    private final Duration timeout;
    private final String leaderSessionId;

    public RemoteTaskExecutorGateway(RpcClient client, InetSocketAddress address, Duration timeout) {
        this(client, address, timeout, null);
    }

    /** @param leaderSessionId the fencing token the orders carry; null without high availability */
    public RemoteTaskExecutorGateway(RpcClient client, InetSocketAddress address, Duration timeout, UUID leaderSessionId) {
        this.client = client;
        this.address = address;
        this.timeout = timeout;
        this.leaderSessionId = leaderSessionId == null ? null : leaderSessionId.toString();
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor descriptor) {
        byte[] bytes;
        try {
            bytes = InstantiationUtil.serializeObject(descriptor);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        SubmitTask message = SubmitTask.newBuilder().setJobId(descriptor.jobId().toString())
                .setAttemptId(descriptor.attemptId().toString()).setDescriptor(ByteBuffer.wrap(bytes))
                .setLeaderSessionId(leaderSessionId).build();
        return client.tell(address, message, timeout);
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        return client.tell(address, CancelTask.newBuilder().setAttemptId(attemptId.toString())
                .setLeaderSessionId(leaderSessionId).build(), timeout);
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp,
                                                     String targetLocation, boolean drain) {
        return client.tell(address, CheckpointTask.newBuilder().setAttemptId(attemptId.toString())
                .setCheckpointId(checkpointId).setTimestamp(timestamp).setAction(CheckpointAction.TRIGGER).setDrain(drain)
                .setTargetLocation(targetLocation).setLeaderSessionId(leaderSessionId).build(), timeout);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointComplete(ExecutionAttemptID attemptId, long checkpointId) {
        return checkpointTask(attemptId, checkpointId, 0, CheckpointAction.COMPLETE);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointAborted(ExecutionAttemptID attemptId, long checkpointId) {
        return checkpointTask(attemptId, checkpointId, 0, CheckpointAction.ABORT);
    }

    private CompletableFuture<Void> checkpointTask(ExecutionAttemptID attemptId, long checkpointId, long timestamp,
                                                   CheckpointAction action) {
        return client.tell(address, CheckpointTask.newBuilder().setAttemptId(attemptId.toString())
                .setCheckpointId(checkpointId).setTimestamp(timestamp).setAction(action).setLeaderSessionId(leaderSessionId)
                .build(), timeout);
    }

    @Override
    public CompletableFuture<Void> releaseJob(JobID jobId) {
        return client.tell(address, ReleaseJob.newBuilder().setJobId(jobId.toString())
                .setLeaderSessionId(leaderSessionId).build(), timeout);
    }

    @Override
    public CompletableFuture<Map<ExecutionAttemptID, TaskIOMetrics.Snapshot>> requestTaskMetrics(JobID jobId) {
        return client.ask(address, RequestTaskMetrics.newBuilder().setJobId(jobId.toString()).build(),
                TaskMetricsReport.class, timeout).thenApply(report -> {
                    Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> result = new HashMap<>();
                    for (TaskIOMetricsEntry e : report.getEntries()) {
                        result.put(ExecutionAttemptID.fromString(e.getAttemptId()), ControlMessages.fromEntry(e));
                    }
                    return result;
                });
    }

    @Override
    public String toString() {
        return "TaskExecutor at " + address;
    }
}
