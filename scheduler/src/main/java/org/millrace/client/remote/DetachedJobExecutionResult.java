package org.millrace.client.remote;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;

/**
 * What {@code execute()} returns for a job submitted detached ({@code flink run -d}): the client
 * did not wait, so only the job id is known. Asking for the runtime or accumulators throws,
 * explaining why, instead of returning made-up values.
 */
public final class DetachedJobExecutionResult extends JobExecutionResult {

    private static final long serialVersionUID = 1L;

    private static final String NOT_AVAILABLE = "The job was submitted in detached mode, so its runtime and"
            + " accumulators are not available to the program. Run it attached (without -d and with"
            + " execution.attached: true) to read them.";

    public DetachedJobExecutionResult(JobID jobId) {
        super(jobId, -1, Map.of());
    }

    @Override
    public long getNetRuntime() {
        throw new InvalidProgramException(NOT_AVAILABLE);
    }

    @Override
    public long getNetRuntime(TimeUnit unit) {
        throw new InvalidProgramException(NOT_AVAILABLE);
    }

    @Override
    public <T> T getAccumulatorResult(String name) {
        throw new InvalidProgramException(NOT_AVAILABLE);
    }

    @Override
    public Map<String, Object> getAllAccumulatorResults() {
        throw new InvalidProgramException(NOT_AVAILABLE);
    }

    @Override
    public String toString() {
        return "DetachedJobExecutionResult{jobId=" + getJobID() + "}";
    }
}
