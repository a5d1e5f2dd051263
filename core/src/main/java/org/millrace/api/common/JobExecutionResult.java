package org.millrace.api.common;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What {@code execute()} returns for a finished job: its id, net runtime and merged accumulators. */
public class JobExecutionResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final long netRuntimeMillis;
    private final Map<String, Object> accumulatorResults;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulatorResults) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
        this.accumulatorResults = Collections.unmodifiableMap(accumulatorResults);
    }

    public JobID getJobID() {
        return jobId;
    }

    /** Time from the job's start on the cluster to its end, in milliseconds. */
    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String name) {
        return (T) accumulatorResults.get(name);
    }

    public Map<String, Object> getAllAccumulatorResults() {
        return accumulatorResults;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntimeMillis + " ms, accumulators=" + accumulatorResults + "}";
    }
}
