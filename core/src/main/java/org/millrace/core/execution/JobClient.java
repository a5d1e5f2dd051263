package org.millrace.core.execution;

import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;

/** A handle on a submitted job, returned by {@code executeAsync} and by executors. */
public interface JobClient {

    JobID getJobID();

    /** Completes with the result when the job finishes; exceptionally with a {@link JobExecutionException} when it fails. */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();

    /** Cancels the job; completes when the cancellation has been accepted. */
    CompletableFuture<Void> cancel();
}
