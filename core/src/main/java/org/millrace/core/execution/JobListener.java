package org.millrace.core.execution;

import org.millrace.api.common.JobExecutionResult;

/** Told when a job of an environment was submitted and when it ended (the CLI prints from these). */
public interface JobListener {

    /** After submission; exactly one of the two arguments is non-null. */
    void onJobSubmitted(JobClient jobClient, Throwable throwable);

    /** After an attached execution ended; exactly one of the two arguments is non-null. */
    void onJobExecuted(JobExecutionResult result, Throwable throwable);
}
