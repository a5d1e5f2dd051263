package org.millrace.runtime.taskexecutor;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobID;
import org.millrace.runtime.metrics.TaskIOMetrics;

/**
 * What a JobMaster can ask of a TaskExecutor, whether it runs in the same JVM or behind the control
 * RPC. Every call returns at once; the future reports whether the TaskExecutor accepted it.
 */
public interface TaskExecutorGateway {

    /** Runs a subtask attempt; fails if the TaskExecutor cannot create its partitions or load its code. */
    CompletableFuture<Void> submitTask(TaskDeploymentDescriptor descriptor);

    /** Asks a running attempt to stop; its state then moves to CANCELED. Unknown attempts are ignored. */
    CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId);

    /** Drops everything the job left on this TaskExecutor: partitions, spill files, its class loader. */
    CompletableFuture<Void> releaseJob(JobID jobId);

    /**
     * Starts checkpoint {@code checkpointId} at a running source attempt (it injects the barriers).
     *
     * @param targetLocation a savepoint's directory, or null for a checkpoint
     * @param drain the savepoint of {@code flink stop --drain}: the source ends its input with it
     */
    CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp,
                                              String targetLocation, boolean drain);

    /** Checkpoint {@code checkpointId} is complete: the attempt's operators may commit what it covers. */
    CompletableFuture<Void> notifyCheckpointComplete(ExecutionAttemptID attemptId, long checkpointId);

    /** Checkpoint {@code checkpointId} was aborted. */
    CompletableFuture<Void> notifyCheckpointAborted(ExecutionAttemptID attemptId, long checkpointId);

    /** Busy / idle / back-pressured times of the job's running tasks here, by attempt. */
    CompletableFuture<Map<ExecutionAttemptID, TaskIOMetrics.Snapshot>> requestTaskMetrics(JobID jobId);
}
