package org.millrace.client.local;

import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.core.execution.JobClient;
import org.millrace.core.execution.PipelineExecutor;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.minicluster.MiniCluster;

/**
 * Runs each job on a MiniCluster started for it in this JVM and stopped when the job ends. The
 * cluster gets as many slots as the job needs, or {@code taskmanager.numberOfTaskSlots} if that is
 * more (the shipped configuration sizes standalone TaskManagers and must not shrink a local run).
 *
 * <p>The cluster is stopped on a thread of its own: the job's result may be completed by one of the
 * cluster's task threads, and stopping the cluster from that thread would wait for itself.
 */
public final class LocalExecutor implements PipelineExecutor {

    private static void startShutdownThread(Runnable shutdown) {
        Thread thread = new Thread(shutdown, "millrace-local-cluster-shutdown");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration, ClassLoader userCodeClassLoader) {
        int slots = Math.max(MiniCluster.requiredSlots(jobGraph),
                configuration.getOptional(TaskManagerOptions.NUM_TASK_SLOTS).orElse(1));
        MiniCluster cluster = new MiniCluster(configuration, slots);
        CompletableFuture<JobExecutionResult> result = cluster.submitJob(jobGraph, userCodeClassLoader);
        CompletableFuture<JobExecutionResult> afterShutdown = result.handleAsync((r, t) -> {
            try {
                cluster.close();
            } catch (Exception e) {
                if (t != null) {
                    t.addSuppressed(e);
                }
            }
            if (t != null) {
                throw t instanceof java.util.concurrent.CompletionException ce ? ce : new java.util.concurrent.CompletionException(t);
            }
            return r;
        }, LocalExecutor::startShutdownThread);
        JobID jobId = jobGraph.getJobID();
        return CompletableFuture.completedFuture(new JobClient() {
            @Override
            public JobID getJobID() {
                return jobId;
            }

            @Override
            public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
                return afterShutdown;
            }

            @Override
            public CompletableFuture<Void> cancel() {
                cluster.cancelJob(jobId);
                return CompletableFuture.completedFuture(null);
            }
        });
    }
}
