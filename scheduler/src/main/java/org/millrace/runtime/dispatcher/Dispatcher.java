package org.millrace.runtime.dispatcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.checkpoint.CheckpointRecoveryFactory;
import org.millrace.core.execution.JobExecutionException;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobmaster.JobMaster;
import org.millrace.runtime.resourcemanager.ResourceManager;
import org.millrace.runtime.resourcemanager.TaskExecutorRegistration;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;
import org.millrace.runtime.taskexecutor.TaskExecutionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's front door: accepts jobs (one {@link JobMaster} each), routes task state reports
 * to the job they belong to, answers what clients ask about jobs and TaskManagers, and keeps the
 * view and result of ended jobs so clients can still read them.
 *
 * <p>With high availability a JobManager that loses its leadership {@linkplain #suspendAllJobs()
 * suspends} its jobs: they stop like cancelled ones but are neither archived nor given a result,
 * because the next leader recovers them with the same JobIDs.
 */
public final class Dispatcher implements DispatcherGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Configuration clusterConfiguration;
    private final ResourceManager resourceManager;
    private final Duration slotRequestTimeout;
    private final JobArtifacts artifacts;
    private final java.util.concurrent.Executor ioExecutor;
    private final Map<JobID, JobMaster> running = new LinkedHashMap<>();
    private final Map<JobID, JobInfo> archived = new LinkedHashMap<>();
    private final Map<JobID, CompletableFuture<JobResult>> results = new LinkedHashMap<>();
    /** Running jobs being stopped because this JobManager lost its leadership. */
    private final Set<JobID> suspending = new HashSet<>();
    private boolean closed;
    /** Chosen by the HA services: where jobs record checkpoint ids and completed checkpoints. */
    private volatile CheckpointRecoveryFactory checkpointRecovery = CheckpointRecoveryFactory.STANDALONE;

    /**
     * @param clusterConfiguration the cluster's settings, which a job's own configuration overrides
     *     (restart and failover strategies, blocking storage)
     * @param artifacts where a submitted job's jars and class loader are kept for its tasks
     * @param ioExecutor completes jobs' result futures (never a task's thread)
     */
    public Dispatcher(Configuration clusterConfiguration, ResourceManager resourceManager, Duration slotRequestTimeout,
                      JobArtifacts artifacts, java.util.concurrent.Executor ioExecutor) {
        this.clusterConfiguration = clusterConfiguration;
        this.ioExecutor = ioExecutor;
        this.resourceManager = resourceManager;
        this.slotRequestTimeout = slotRequestTimeout;
        this.artifacts = artifacts;
        resourceManager.setTaskExecutorLossListener(this::taskExecutorLost);
    }

    /** High availability: jobs started from now on record their checkpoints through {@code recovery}. */
    public void setCheckpointRecoveryFactory(CheckpointRecoveryFactory recovery) {
        this.checkpointRecovery = recovery;
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph, List<Path> userJars) {
        try {
            ClassLoader loader = artifacts.register(jobGraph.getJobID(), userJars);
            submit(jobGraph, loader);
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Starts a job whose user code is already loaded (the embedded cluster); the future completes
     * with its result, or fails with a {@link JobExecutionException} saying which task failed and why.
     */
    public CompletableFuture<JobExecutionResult> submitJob(JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        try {
            artifacts.register(jobGraph.getJobID(), userCodeClassLoader);
            return submit(jobGraph, userCodeClassLoader);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Starts the job; the returned future completes after the job was archived, with its result. */
    private CompletableFuture<JobExecutionResult> submit(JobGraph jobGraph, ClassLoader loader) throws JobSubmissionException {
        JobID jobId = jobGraph.getJobID();
        JobMaster master;
        synchronized (this) {
            if (closed) {
                throw new JobSubmissionException(jobId, "the cluster is shutting down");
            }
            if (running.containsKey(jobId) || archived.containsKey(jobId)) {
                throw new JobSubmissionException(jobId, "a job with this id was already submitted");
            }
            master = new JobMaster(jobGraph, clusterConfiguration, resourceManager, slotRequestTimeout, ioExecutor,
                    checkpointRecovery);
            running.put(jobId, master);
            results.put(jobId, new CompletableFuture<>());
        }
        LOG.info("Received job {} ({})", jobGraph.getName(), jobId);
        CompletableFuture<JobExecutionResult> archived = master.getResultFuture().whenComplete((r, t) -> jobEnded(master, r, t));
        master.start();
        return archived;
    }

    private void jobEnded(JobMaster master, JobExecutionResult result, Throwable failure) {
        JobID jobId = master.getJobGraph().getJobID();
        JobInfo info = master.snapshot();
        JobResult jobResult;
        if (failure == null) {
            jobResult = new JobResult(jobId, ApplicationStatus.SUCCEEDED, result.getAllAccumulatorResults(),
                    result.getNetRuntime(), null);
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            ApplicationStatus status = ApplicationStatus.fromJobStatus(info.status());
            jobResult = new JobResult(jobId, status, Map.of(), info.endTime() - info.startTime(),
                    status == ApplicationStatus.CANCELED ? null : SerializedThrowable.of(cause));
        }
        CompletableFuture<JobResult> future;
        boolean suspended;
        synchronized (this) {
            running.remove(jobId);
            suspended = suspending.remove(jobId);
            if (suspended) {
                future = results.remove(jobId);
            } else {
                archived.put(jobId, info);
                future = results.get(jobId);
            }
        }
        artifacts.release(jobId);
        if (suspended) {
            LOG.info("Job {} ({}) suspended: this JobManager lost its leadership, the next leader recovers it",
                    master.getJobGraph().getName(), jobId);
            future.completeExceptionally(new NotLeaderException("Job " + jobId + " was suspended: this JobManager lost"
                    + " its leadership; the leader recovers the job"));
        } else {
            future.complete(jobResult);
        }
    }

    /**
     * Leadership lost: stops every running job (as a cancel does) without ending it for good. The
     * returned future completes once all of them have stopped, so a JobManager that leads again can
     * recover them.
     */
    public CompletableFuture<Void> suspendAllJobs() {
        List<JobMaster> masters;
        List<CompletableFuture<?>> stopped = new ArrayList<>();
        synchronized (this) {
            masters = List.copyOf(running.values());
            for (JobMaster master : masters) {
                JobID jobId = master.getJobGraph().getJobID();
                suspending.add(jobId);
                stopped.add(results.get(jobId).handle((result, failure) -> null));
            }
        }
        for (JobMaster master : masters) {
            LOG.info("Suspending job {} ({})", master.getJobGraph().getName(), master.getJobGraph().getJobID());
            master.suspend();
        }
        return CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new));
    }

    /** A task's state report, routed to its job; reports for ended jobs are dropped. */
    public void updateTaskExecutionState(TaskExecutionState state) {
        JobMaster master;
        synchronized (this) {
            master = running.get(state.attemptId().jobId());
        }
        if (master != null) {
            master.updateTaskExecutionState(state);
        }
    }

    /** Reports of in-process TaskExecutors (the MiniCluster's), routed to the jobs' JobMasters. */
    public org.millrace.runtime.taskexecutor.TaskStateListener taskStateListener() {
        return new org.millrace.runtime.taskexecutor.TaskStateListener() {
            @Override
            public void taskStateChanged(TaskExecutionState state) {
                updateTaskExecutionState(state);
            }

            @Override
            public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
                                              Map<String, org.millrace.runtime.checkpoint.SubtaskState> states) {
                Dispatcher.this.acknowledgeCheckpoint(attemptId, checkpointId, states);
            }

            @Override
            public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, String reason) {
                Dispatcher.this.declineCheckpoint(attemptId, checkpointId, reason);
            }
        };
    }

    /** A task's acknowledgement of a checkpoint, routed to its job; dropped for ended jobs. */
    public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
                                      Map<String, org.millrace.runtime.checkpoint.SubtaskState> states) {
        JobMaster master;
        synchronized (this) {
            master = running.get(attemptId.jobId());
        }
        if (master != null) {
            master.acknowledgeCheckpoint(attemptId, checkpointId, states);
        }
    }

    /** A task's refusal of a checkpoint, routed to its job. */
    public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, String reason) {
        JobMaster master;
        synchronized (this) {
            master = running.get(attemptId.jobId());
        }
        if (master != null) {
            master.declineCheckpoint(attemptId, checkpointId, reason);
        }
    }

    private void taskExecutorLost(TaskExecutorRegistration taskExecutor, Exception cause) {
        List<JobMaster> masters;
        synchronized (this) {
            masters = List.copyOf(running.values());
        }
        for (JobMaster master : masters) {
            master.taskExecutorLost(taskExecutor.resourceId(), cause);
        }
    }

    /** The running job's master, or null (tests read task metrics through it). */
    public synchronized JobMaster getJobMaster(JobID jobId) {
        return running.get(jobId);
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        JobMaster master;
        synchronized (this) {
            master = running.get(jobId);
            if (master == null) {
                return archived.containsKey(jobId) ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.failedFuture(new JobNotFoundException(jobId));
            }
        }
        LOG.info("Cancelling job {}", jobId);
        master.cancel();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory,
                                                      org.millrace.runtime.checkpoint.SavepointType type) {
        JobMaster master;
        synchronized (this) {
            master = running.get(jobId);
        }
        if (master == null) {
            return CompletableFuture.failedFuture(archivedOrUnknown(jobId));
        }
        LOG.info("Triggering a savepoint of job {} ({})", jobId, type);
        return master.triggerSavepoint(targetDirectory, type);
    }

    @Override
    public CompletableFuture<java.util.Optional<org.millrace.runtime.checkpoint.CheckpointStatistics>> requestCheckpointStatistics(
            JobID jobId) {
        JobMaster master;
        synchronized (this) {
            master = running.get(jobId);
        }
        if (master == null) {
            return CompletableFuture.failedFuture(archivedOrUnknown(jobId));
        }
        return CompletableFuture.completedFuture(master.getCheckpointCoordinator()
                .map(org.millrace.runtime.checkpoint.CheckpointCoordinator::getStatistics));
    }

    private synchronized Exception archivedOrUnknown(JobID jobId) {
        JobInfo archivedJob = archived.get(jobId);
        return archivedJob == null ? new JobNotFoundException(jobId)
                : new IllegalStateException("Job " + jobId + " is not running (" + archivedJob.status() + ")");
    }

    @Override
    public CompletableFuture<Void> disposeSavepoint(String savepointPath) {
        return CompletableFuture.runAsync(() -> {
            try {
                org.millrace.runtime.checkpoint.SavepointDisposal.dispose(savepointPath, clusterConfiguration);
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, ioExecutor);
    }

    @Override
    public CompletableFuture<ClusterOverview> requestClusterOverview() {
        int running;
        int finished = 0;
        int cancelled = 0;
        int failed = 0;
        synchronized (this) {
            running = this.running.size();
            for (JobInfo info : archived.values()) {
                switch (info.status()) {
                    case FINISHED -> finished++;
                    case CANCELED -> cancelled++;
                    default -> failed++;
                }
            }
        }
        return CompletableFuture.completedFuture(new ClusterOverview(resourceManager.getTaskExecutors().size(),
                resourceManager.totalSlots(), resourceManager.freeSlots(), running, finished, cancelled, failed));
    }

    @Override
    public CompletableFuture<List<JobInfo>> requestJobs() {
        List<JobMaster> masters;
        List<JobInfo> jobs;
        synchronized (this) {
            masters = List.copyOf(running.values());
            jobs = new ArrayList<>(archived.values());
        }
        for (JobMaster master : masters) {
            jobs.add(master.snapshot());
        }
        jobs.sort(Comparator.comparingLong(JobInfo::startTime).reversed());
        return CompletableFuture.completedFuture(jobs);
    }

    @Override
    public CompletableFuture<JobInfo> requestJob(JobID jobId) {
        JobMaster master;
        JobInfo info;
        synchronized (this) {
            master = running.get(jobId);
            info = archived.get(jobId);
        }
        if (master != null) {
            return CompletableFuture.completedFuture(master.snapshot());
        }
        return info != null ? CompletableFuture.completedFuture(info) : CompletableFuture.failedFuture(new JobNotFoundException(jobId));
    }

    @Override
    public synchronized CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        CompletableFuture<JobResult> result = results.get(jobId);
        return result != null ? result.copy() : CompletableFuture.failedFuture(new JobNotFoundException(jobId));
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagers() {
        List<TaskManagerInfo> infos = new ArrayList<>();
        for (TaskExecutorRegistration te : resourceManager.getTaskExecutors()) {
            infos.add(new TaskManagerInfo(te.resourceId(), te.address(), te.dataAddress() == null ? -1 : te.dataAddress().getPort(),
                    resourceManager.lastHeartbeatOf(te.resourceId()), te.numberOfSlots(),
                    resourceManager.freeSlotsOf(te.resourceId()), te.cpuCores(), te.physicalMemory(), -1));
        }
        return CompletableFuture.completedFuture(infos);
    }

    /** Cancels running jobs (their futures complete as CANCELED) and stops accepting new ones. */
    @Override
    public void close() {
        List<JobMaster> masters;
        synchronized (this) {
            closed = true;
            masters = List.copyOf(running.values());
        }
        for (JobMaster master : masters) {
            master.cancel();
        }
        resourceManager.close();
    }

    /** True while any job runs. */
    public synchronized boolean hasRunningJobs() {
        return !running.isEmpty();
    }

    /** Ids of running jobs. */
    public synchronized List<JobID> runningJobIds() {
        return List.copyOf(running.keySet());
    }
}
