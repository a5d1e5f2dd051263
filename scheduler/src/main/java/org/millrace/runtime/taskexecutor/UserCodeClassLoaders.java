package org.millrace.runtime.taskexecutor;

import java.io.IOException;
import org.millrace.api.common.JobID;

/**
 * Gives a TaskExecutor the class loader of a job's user code: in the embedded cluster the one the
 * client already built, in a distributed cluster one over the job's jars fetched from the JobManager.
 */
public interface UserCodeClassLoaders {

    /** The job's class loader, created on first use. */
    ClassLoader getClassLoader(JobID jobId) throws IOException;

    /** The job ended here: forget (and close, if owned) its class loader. */
    void release(JobID jobId);
}
