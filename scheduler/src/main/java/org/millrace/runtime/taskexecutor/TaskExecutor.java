package org.millrace.runtime.taskexecutor;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.NettyShuffleEnvironmentOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.shuffle.BlockingStorageFactory;
import org.millrace.shuffle.ShuffleEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker side of a cluster: offers a number of slots, runs each deployed subtask attempt in a
 * thread of its own, owns the network buffers and result partitions of those tasks (the shuffle
 * environment) and a timer thread they share, and reports every task state change to its listener.
 * Used in-process by the MiniCluster and inside a TaskManager JVM behind the control RPC.
 */
public final class TaskExecutor implements TaskExecutorGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    private final String resourceId;
    private final int numberOfSlots;
    private final ShuffleEnvironment shuffleEnvironment;
    private final ScheduledExecutorService timerService;
    private final UserCodeClassLoaders classLoaders;
    private final TaskStateListener listener;
    private final Configuration configuration;
    /** Writes tasks' checkpoint files while the tasks go on processing. */
    private final java.util.concurrent.ExecutorService snapshotWriters;
    private final Map<ExecutionAttemptID, Task> tasks = new ConcurrentHashMap<>();
    private final Map<ExecutionAttemptID, Thread> threads = new ConcurrentHashMap<>();
    private boolean closed;

    /**
     * @param resourceId the name this TaskExecutor registers under, e.g. {@code host:port-1a2b3c}
     * @throws IOException if the blocking storage ({@code shuffle.blocking.storage}) cannot be opened
     */
    public TaskExecutor(String resourceId, Configuration configuration, int numberOfSlots,
                        UserCodeClassLoaders classLoaders, TaskStateListener listener) throws IOException {
        this.resourceId = resourceId;
        this.numberOfSlots = numberOfSlots;
        this.classLoaders = classLoaders;
        this.listener = listener;
        this.configuration = configuration;
        this.snapshotWriters = Executors.newCachedThreadPool(r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("Checkpoint writer (" + resourceId + ")");
            t.setDaemon(true);
            return t;
        });
        long segmentSize = configuration.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytes();
        long networkMemory = configuration.get(TaskManagerOptions.NETWORK_MEMORY_MAX).getBytes();
        int numberOfSegments = (int) Math.max(1, networkMemory / segmentSize);
        this.shuffleEnvironment = new ShuffleEnvironment(numberOfSegments, (int) segmentSize,
                configuration.get(NettyShuffleEnvironmentOptions.NETWORK_BUFFERS_PER_CHANNEL),
                configuration.get(NettyShuffleEnvironmentOptions.NETWORK_EXTRA_BUFFERS_PER_GATE),
                BlockingStorageFactory.create(configuration));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("Task timer (" + resourceId + ")");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.timerService = timer;
    }

    public String getResourceId() {
        return resourceId;
    }

    public int getNumberOfSlots() {
        return numberOfSlots;
    }

    public ShuffleEnvironment getShuffleEnvironment() {
        return shuffleEnvironment;
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor descriptor) {
        ExecutionAttemptID id = descriptor.attemptId();
        try {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("TaskExecutor " + resourceId + " is shutting down");
                }
                if (tasks.containsKey(id)) {
                    throw new IllegalStateException("Attempt " + id + " is already deployed on " + resourceId);
                }
                ClassLoader loader = classLoaders.getClassLoader(descriptor.jobId());
                Task task = new Task(descriptor, shuffleEnvironment, timerService, loader, listener,
                        () -> taskTerminated(id), configuration, snapshotWriters);
                Thread thread = new Thread(task, task.getName());
                thread.setContextClassLoader(loader);
                tasks.put(id, task);
                threads.put(id, thread);
                thread.start();
            }
            LOG.info("Deployed {} ({}) on {}", descriptor.taskNameWithSubtask(), id, resourceId);
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(new IOException("Could not deploy " + descriptor.taskNameWithSubtask()
                    + " on TaskExecutor " + resourceId + ": " + e.getMessage(), e));
        }
    }

    private void taskTerminated(ExecutionAttemptID id) {
        tasks.remove(id);
        threads.remove(id);
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        Task task = tasks.get(attemptId);
        if (task != null) {
            LOG.info("Cancelling {} ({})", task.getName(), attemptId);
            task.cancel();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp,
                                                     String targetLocation, boolean drain) {
        Task task = tasks.get(attemptId);
        if (task == null) {
            listener.declineCheckpoint(attemptId, checkpointId, "attempt " + attemptId + " is not running on " + resourceId);
        } else {
            task.triggerCheckpoint(checkpointId, timestamp, targetLocation, drain);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointComplete(ExecutionAttemptID attemptId, long checkpointId) {
        Task task = tasks.get(attemptId);
        if (task != null) {
            task.notifyCheckpointComplete(checkpointId);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointAborted(ExecutionAttemptID attemptId, long checkpointId) {
        Task task = tasks.get(attemptId);
        if (task != null) {
            task.notifyCheckpointAborted(checkpointId);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> releaseJob(JobID jobId) {
        String prefix = jobId + "-";
        for (var partitionId : shuffleEnvironment.getResultPartitionManager().getPartitionIds()) {
            if (partitionId.intermediatePartitionId().startsWith(prefix)) {
                shuffleEnvironment.getResultPartitionManager().releasePartition(partitionId,
                        new IllegalStateException("job " + jobId + " ended"));
            }
        }
        try {
            shuffleEnvironment.releaseJob(jobId);
        } catch (IOException e) {
            LOG.warn("Could not delete the blocking partitions of job {}: {}", jobId, e.toString());
        }
        classLoaders.release(jobId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Map<ExecutionAttemptID, TaskIOMetrics.Snapshot>> requestTaskMetrics(JobID jobId) {
        Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> result = new HashMap<>();
        for (Task task : tasks.values()) {
            TaskIOMetrics.Snapshot snapshot = task.ioMetrics();
            if (task.getAttemptId().jobId().equals(jobId) && snapshot != null) {
                result.put(task.getAttemptId(), snapshot);
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    /** Cancels every running task (their JobManager is gone); each reports CANCELED as it stops. */
    public void cancelAllTasks() {
        for (Task task : tasks.values()) {
            task.cancel();
        }
    }

    /** Attempts deployed here that have not terminated yet. */
    public int getNumberOfRunningTasks() {
        return tasks.size();
    }

    /**
     * Cancels every task still running, waits up to {@code taskManager.cancellation timeout} for
     * their threads, then releases the network memory and spill files.
     */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (Task task : tasks.values()) {
            task.cancel();
        }
        for (Thread thread : List.copyOf(threads.values())) {
            if (thread == Thread.currentThread()) {
                continue; // closed from a task's own callback: it ends right after
            }
            thread.join(TimeUnit.SECONDS.toMillis(30));
            if (thread.isAlive()) {
                LOG.warn("Task thread '{}' did not stop within 30 s of being cancelled", thread.getName());
            }
        }
        timerService.shutdownNow();
        timerService.awaitTermination(10, TimeUnit.SECONDS);
        snapshotWriters.shutdownNow();
        snapshotWriters.awaitTermination(10, TimeUnit.SECONDS);
        shuffleEnvironment.close();
        LOG.info("TaskExecutor {} stopped", resourceId);
    }
}
