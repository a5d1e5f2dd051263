package org.millrace.runtime.dispatcher;

import org.millrace.runtime.execution.JobStatus;

/** How a job ended, as clients and YARN's final application status see it. */
public enum ApplicationStatus {
    SUCCEEDED,
    FAILED,
    CANCELED,
    UNKNOWN;

    /** The outcome of a job that reached the given terminal status. */
    public static ApplicationStatus fromJobStatus(JobStatus status) {
        return switch (status) {
            case FINISHED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELED -> CANCELED;
            default -> UNKNOWN;
        };
    }
}
