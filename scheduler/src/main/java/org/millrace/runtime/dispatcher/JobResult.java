package org.millrace.runtime.dispatcher;

import java.util.Map;
import org.millrace.api.common.JobID;

/**
 * The outcome of an ended job as its client receives it: success with accumulator values, or the
 * failure that ended it.
 *
 * @param failureCause null unless {@code status} is FAILED (or CANCELED with a reason)
 */
public record JobResult(
        JobID jobId,
        ApplicationStatus status,
        Map<String, Object> accumulatorResults,
        long netRuntime,
        SerializedThrowable failureCause) {}
