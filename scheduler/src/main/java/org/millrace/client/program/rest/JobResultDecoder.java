package org.millrace.client.program.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.millrace.api.common.JobExecutionResult;
import org.millrace.api.common.JobID;
import org.millrace.core.execution.JobExecutionException;
import org.millrace.runtime.dispatcher.ApplicationStatus;
import org.millrace.runtime.dispatcher.SerializedThrowable;
import org.millrace.util.InstantiationUtil;

/**
 * Turns the {@code job-execution-result} object of {@code GET /jobs/:jobid/execution-result} back
 * into what {@code execute()} returns locally: a {@link JobExecutionResult} whose accumulator values
 * are deserialized with the program's class loader, or a {@link JobExecutionException} whose
 * message is the cluster's failure message.
 *
 * <p>The exception's cause is a {@link SerializedThrowable.RemoteFailureException} holding the
 * failure's original stack trace as text; its own (client-side) stack trace is left empty because
 * it would only point into this class.
 */
final class JobResultDecoder {

    private JobResultDecoder() {}

    /**
     * @throws JobExecutionException if the job failed or was cancelled
     * @throws RestClientException if the answer is malformed or an accumulator value cannot be deserialized
     */
    static JobExecutionResult decode(JsonNode result, JobID jobId, ClassLoader userClassLoader)
            throws JobExecutionException, RestClientException {
        String statusText = result.path("application-status").asText("");
        ApplicationStatus status;
        try {
            status = ApplicationStatus.valueOf(statusText);
        } catch (IllegalArgumentException e) {
            throw malformed(jobId, "unknown application-status '" + statusText + "'", e);
        }
        Exception cause = failureCause(result.path("failure-cause"));
        switch (status) {
            case SUCCEEDED -> {
                return new JobExecutionResult(jobId, result.path("net-runtime").asLong(),
                        accumulators(result.path("accumulator-results"), jobId, userClassLoader));
            }
            case FAILED -> throw new JobExecutionException(jobId,
                    cause != null ? cause.getMessage() : "Job " + jobId + " failed", cause);
            case CANCELED -> throw new JobExecutionException(jobId, "Job " + jobId + " was cancelled", cause);
            default -> throw new JobExecutionException(jobId, "Job " + jobId + " ended with status " + status, cause);
        }
    }

    private static Exception failureCause(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        SerializedThrowable serialized = new SerializedThrowable(
                textOrNull(node.get("class")), textOrNull(node.get("message")), textOrNull(node.get("stack-trace")));
        Exception exception = serialized.toException();
        exception.setStackTrace(new StackTraceElement[0]);
        return exception;
    }

    private static Map<String, Object> accumulators(JsonNode node, JobID jobId, ClassLoader userClassLoader)
            throws RestClientException {
        Map<String, Object> values = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String encoded = textOrNull(field.getValue());
            try {
                values.put(field.getKey(), encoded == null ? null
                        : InstantiationUtil.deserializeObject(Base64.getDecoder().decode(encoded), userClassLoader));
            } catch (Exception | LinkageError e) {
                throw new RestClientException("Could not deserialize the value of accumulator '" + field.getKey()
                        + "' of job " + jobId + ": " + e, RestClientException.NO_RESPONSE, e);
            }
        }
        return values;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static RestClientException malformed(JobID jobId, String what, Throwable cause) {
        return new RestClientException("Malformed execution result of job " + jobId + ": " + what,
                RestClientException.NO_RESPONSE, cause);
    }
}
