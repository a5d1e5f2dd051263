package org.millrace.core.execution;

import java.util.concurrent.CompletableFuture;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.jobgraph.JobGraph;

/**
 * Runs a job graph somewhere: in an embedded MiniCluster, on a standalone session, on YARN. The
 * environment picks one by {@code execution.target} through {@link PipelineExecutorFactory}s found
 * with {@link java.util.ServiceLoader}, so core never depends on the runtimes.
 */
public interface PipelineExecutor {

    /** Submits the job; the future completes once it was accepted (not when it finishes). */
    CompletableFuture<JobClient> execute(JobGraph jobGraph, Configuration configuration, ClassLoader userCodeClassLoader)
            throws Exception;
}
