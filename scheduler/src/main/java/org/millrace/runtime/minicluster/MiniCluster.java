package org.millrace.runtime.minicluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole cluster inside one JVM: a JobManager side that accepts jobs and follows them, and one
 * TaskExecutor whose slots run each subtask as a thread, exchanging records through the shuffle
 * module's buffer pool and local channels. Used by {@code env.execute()} when no cluster is
 * targeted, by {@code bin/flink run} without {@code -m}, and by tests.
 */
public final class MiniCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MiniCluster.class);

    private final Configuration configuration;
    private final TaskExecutorServices taskExecutor;
    private final Map<JobID, JobExecution> jobs = new ConcurrentHashMap<>();
    private int slotsInUse;

    /** Starts the cluster; slots from {@code taskmanager.numberOfTaskSlots}. */
    public MiniCluster(Configuration configuration) {
        this(configuration, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
    }

    public MiniCluster(Configuration configuration, int numberOfSlots) {
        this.configuration = configuration;
        this.taskExecutor = new TaskExecutorServices(configuration, numberOfSlots);
        LOG.info("Started MiniCluster with 1 TaskExecutor and {} slots", numberOfSlots);
    }

    /** Slots a job needs to run all its tasks at once with slot sharing: per slot sharing group, its largest parallelism. */
    public static int requiredSlots(JobGraph jobGraph) {
        Map<String, Integer> perGroup = new java.util.HashMap<>();
        for (JobVertex v : jobGraph.getVertices()) {
            perGroup.merge(v.getSlotSharingGroup(), v.getParallelism(), Math::max);
        }
        return perGroup.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Accepts and starts a job; the returned future completes with its result. Fails at once, saying
     * how many slots were needed and free, if the cluster is too small.
     */
    public synchronized CompletableFuture<JobExecutionResult> submitJob(JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        boolean stageWise = JobExecution.usesBlockingExchanges(jobGraph);
        int free = taskExecutor.getNumberOfSlots() - slotsInUse;
        // stage by stage a job can run in one slot; pipelined it needs all of them at once
        int needed = stageWise ? 1 : requiredSlots(jobGraph);
        int reserved = stageWise ? Math.min(free, requiredSlots(jobGraph)) : needed;
        if (needed > free) {
            return CompletableFuture.failedFuture(new IllegalStateException("Could not acquire the minimum required resources: job '"
                    + jobGraph.getName() + "' needs " + needed + " slots but only " + free + " of "
                    + taskExecutor.getNumberOfSlots() + " are free (raise taskmanager.numberOfTaskSlots)"));
        }
        JobExecution execution = new JobExecution(jobGraph, taskExecutor, userCodeClassLoader,
                stageWise ? reserved : Integer.MAX_VALUE);
        try {
            execution.start();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        slotsInUse += reserved;
        jobs.put(jobGraph.getJobID(), execution);
        execution.getResultFuture().whenComplete((r, t) -> jobEnded(jobGraph.getJobID(), reserved));
        return execution.getResultFuture();
    }

    private synchronized void jobEnded(JobID jobId, int slots) {
        slotsInUse -= slots;
        jobs.remove(jobId);
    }

    /** Cancels a running job (its result future then completes exceptionally); an ended or unknown job is left alone. */
    public void cancelJob(JobID jobId) {
        JobExecution execution = jobs.get(jobId);
        if (execution == null) {
            LOG.info("Job {} is not running (unknown or already ended); nothing to cancel", jobId);
            return;
        }
        execution.cancel();
    }

    /**
     * Per subtask of a job: the share of time it was busy, idle (no input) and back-pressured (no
     * free output buffer). A back-pressured producer next to a busy consumer shows the bottleneck.
     */
    public Map<String, org.millrace.runtime.metrics.TaskIOMetrics.Snapshot> getTaskIOMetrics(JobID jobId) {
        JobExecution execution = jobs.get(jobId);
        if (execution == null) {
            throw new IllegalArgumentException("No job with id " + jobId);
        }
        return execution.getTaskIOMetrics();
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    /** Cancels running jobs, waits for their tasks, and releases the network memory. */
    @Override
    public void close() throws Exception {
        for (JobExecution job : List.copyOf(jobs.values())) {
            job.cancel();
        }
        for (JobExecution job : List.copyOf(jobs.values())) {
            try {
                job.getResultFuture().handle((r, t) -> null).get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warn("A job did not stop within 60 s of being cancelled; its task threads may still run: {}",
                        job.getTaskIOMetrics().keySet());
            } catch (Exception ignored) {
                // already reported through the job's future
            }
        }
        taskExecutor.close();
        LOG.info("MiniCluster stopped");
    }

    /** Exposed for tests that check network memory accounting. */
    public org.millrace.shuffle.ShuffleEnvironment getShuffleEnvironment() {
        return taskExecutor.getShuffleEnvironment();
    }
}
