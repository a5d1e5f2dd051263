package org.millrace.runtime.dispatcher;

import org.millrace.api.common.JobID;

/** A job could not be accepted (duplicate id, cluster shutting down, unreadable job graph). */
public final class JobSubmissionException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobSubmissionException(JobID jobId, String message) {
        super("Could not submit job " + jobId + ": " + message);
    }

    public JobSubmissionException(JobID jobId, String message, Throwable cause) {
        super("Could not submit job " + jobId + ": " + message, cause);
    }
}
