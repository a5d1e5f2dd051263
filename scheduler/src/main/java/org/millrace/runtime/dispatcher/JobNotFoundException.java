package org.millrace.runtime.dispatcher;

import org.millrace.api.common.JobID;

/** A request named a job this cluster does not know (REST answers 404). */
public final class JobNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobNotFoundException(JobID jobId) {
        super("Job " + jobId + " not found");
    }
}
