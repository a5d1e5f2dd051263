package org.millrace.runtime.minicluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.runtime.dispatcher.Dispatcher;
import org.millrace.runtime.dispatcher.JobArtifacts;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobmaster.JobMaster;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.resourcemanager.ResourceManager;
import org.millrace.runtime.resourcemanager.TaskExecutorRegistration;
import org.millrace.runtime.taskexecutor.TaskExecutor;
import org.millrace.shuffle.ShuffleEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole cluster inside one JVM: the JobManager's Dispatcher and ResourceManager and one or more
 * TaskExecutors, wired by direct calls instead of RPC. Each subtask runs as a thread of its
 * TaskExecutor and exchanges records through the shuffle module (zero-copy local channels within a
 * TaskExecutor, Netty over loopback between TaskExecutors). Used by {@code env.execute()} when no
 * cluster is targeted, by {@code bin/flink run} without {@code -m}, and by tests.
 */
public final class MiniCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MiniCluster.class);

    private final Configuration configuration;
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.ExecutorService ioExecutor;
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();

    /** Starts one TaskExecutor with {@code taskmanager.numberOfTaskSlots} slots. */
    public MiniCluster(Configuration configuration) {
        this(configuration, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
    }

    public MiniCluster(Configuration configuration, int numberOfSlots) {
        this(configuration, 1, numberOfSlots);
    }

    /**
     * Starts {@code numberOfTaskExecutors} TaskExecutors with {@code slotsPerTaskExecutor} slots each;
     * with more than one, each runs a shuffle server on the loopback address so they exchange data
     * over Netty as TaskManagers of a real cluster do.
     */
    public MiniCluster(Configuration configuration, int numberOfTaskExecutors, int slotsPerTaskExecutor) {
        this.configuration = configuration;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "MiniCluster timer");
            t.setDaemon(true);
            return t;
        });
        this.ioExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "MiniCluster io");
            t.setDaemon(true);
            return t;
        });
        this.resourceManager = new ResourceManager(timer, false);
        JobArtifacts artifacts = new JobArtifacts(MiniCluster.class.getClassLoader());
        this.dispatcher = new Dispatcher(configuration, resourceManager, Duration.ZERO, artifacts, ioExecutor);
        try {
            for (int i = 0; i < numberOfTaskExecutors; i++) {
                String id = "minicluster-te-" + i;
                TaskExecutor te = new TaskExecutor(id, configuration, slotsPerTaskExecutor, artifacts,
                        dispatcher.taskStateListener());
                taskExecutors.add(te);
                InetSocketAddress dataAddress = numberOfTaskExecutors > 1
                        ? te.getShuffleEnvironment().startServer("localhost") : null;
                resourceManager.registerTaskExecutor(new TaskExecutorRegistration(id, te, "in-process", dataAddress,
                        slotsPerTaskExecutor, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw new IllegalStateException("Could not start the MiniCluster: " + e.getMessage(), e);
        }
        LOG.info("Started MiniCluster with {} TaskExecutor(s) of {} slots", numberOfTaskExecutors, slotsPerTaskExecutor);
    }

    /** Slots a job needs to run all its tasks at once with slot sharing: per slot sharing group, its largest parallelism. */
    public static int requiredSlots(JobGraph jobGraph) {
        return JobMaster.requiredSlots(jobGraph);
    }

    /**
     * Accepts and starts a job; the returned future completes with its result. Fails at once, saying
     * how many slots were needed and free, if the cluster is too small.
     */
    public CompletableFuture<JobExecutionResult> submitJob(JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        return dispatcher.submitJob(jobGraph, userCodeClassLoader);
    }

    /** Cancels a running job (its result future then completes exceptionally); an ended or unknown job is left alone. */
    public void cancelJob(JobID jobId) {
        dispatcher.cancelJob(jobId).exceptionally(e -> {
            LOG.info("Job {} is not running (unknown or already ended); nothing to cancel", jobId);
            return null;
        });
    }

    /**
     * Per subtask of a running job: the share of time it was busy, idle (no input) and back-pressured
     * (no free output buffer). A back-pressured producer next to a busy consumer shows the bottleneck.
     */
    public Map<String, TaskIOMetrics.Snapshot> getTaskIOMetrics(JobID jobId) {
        JobMaster master = dispatcher.getJobMaster(jobId);
        if (master == null) {
            throw new IllegalArgumentException("No running job with id " + jobId);
        }
        return master.getTaskIOMetrics();
    }

    /** The JobManager side, which the REST endpoint and tests query. */
    public ResourceManager getResourceManager() {
        return resourceManager;
    }

    public Dispatcher getDispatcher() {
        return dispatcher;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    /** The first TaskExecutor's shuffle environment (tests check network memory and spill files). */
    public ShuffleEnvironment getShuffleEnvironment() {
        return taskExecutors.get(0).getShuffleEnvironment();
    }

    public List<TaskExecutor> getTaskExecutors() {
        return List.copyOf(taskExecutors);
    }

    /** Cancels running jobs, waits for their tasks, and releases the network memory. */
    @Override
    public void close() throws Exception {
        List<JobID> jobs = dispatcher.runningJobIds();
        dispatcher.close();
        for (JobID job : jobs) {
            try {
                dispatcher.requestJobResult(job).get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warn("Job {} did not stop within 60 s of being cancelled; its task threads may still run", job);
            } catch (Exception ignored) {
                // already reported through the job's future
            }
        }
        closeQuietly();
        LOG.info("MiniCluster stopped");
    }

    private void closeQuietly() {
        for (TaskExecutor te : taskExecutors) {
            try {
                te.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        ioExecutor.shutdown(); // not Now: the thread running this close() may be one of its own
    }
}
