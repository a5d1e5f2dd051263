package org.millrace.core.execution;

import org.millrace.api.common.JobID;

/** A job did not finish successfully; the message says which task and operator failed and why. */
public class JobExecutionException extends Exception {

    private static final long serialVersionUID = 1L;
    private final JobID jobId;

    public JobExecutionException(JobID jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    public JobID getJobID() {
        return jobId;
    }
}
