package org.millrace.runtime.rest.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.millrace.runtime.dispatcher.ExceptionInfo;
import org.millrace.runtime.dispatcher.JobInfo;
import org.millrace.runtime.dispatcher.JobResult;
import org.millrace.runtime.dispatcher.SerializedThrowable;
import org.millrace.runtime.rest.http.RestJson;
import org.millrace.util.InstantiationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON of how a job went: its failures ({@code /exceptions}) and its result ({@code /execution-result}). */
public final class JobOutcomeJson {

    private static final Logger LOG = LoggerFactory.getLogger(JobOutcomeJson.class);

    private JobOutcomeJson() {}

    /**
     * {@code GET /jobs/:jobid/exceptions}: the newest failure as root exception, and the history
     * newest first, cut to {@code maxExceptions} entries.
     */
    public static ObjectNode exceptions(JobInfo job, int maxExceptions) {
        List<ExceptionInfo> history = new ArrayList<>(job.exceptionHistory());
        history.sort(Comparator.comparingLong(ExceptionInfo::timestamp).reversed());
        ObjectNode node = RestJson.object();
        if (history.isEmpty()) {
            node.putNull("root-exception");
            node.putNull("timestamp");
        } else {
            node.put("root-exception", history.get(0).stackTrace());
            node.put("timestamp", history.get(0).timestamp());
        }
        node.set("all-exceptions", RestJson.array());
        node.put("truncated", false);
        ArrayNode entries = RestJson.array();
        for (ExceptionInfo e : history.subList(0, Math.min(maxExceptions, history.size()))) {
            entries.add(RestJson.object()
                    .put("exceptionName", e.exceptionName())
                    .put("stacktrace", e.stackTrace())
                    .put("timestamp", e.timestamp())
                    .put("taskName", e.taskName())
                    .put("location", e.location()));
        }
        ObjectNode exceptionHistory = RestJson.object();
        exceptionHistory.set("entries", entries);
        exceptionHistory.put("truncated", history.size() > maxExceptions);
        node.set("exceptionHistory", exceptionHistory);
        return node;
    }

    /** {@code {"status":{"id":"IN_PROGRESS"}}}. */
    public static ObjectNode inProgress() {
        ObjectNode node = RestJson.object();
        node.set("status", RestJson.object().put("id", "IN_PROGRESS"));
        return node;
    }

    /**
     * The result of an ended job. Accumulator values are Java-serialized and Base64-encoded, so the
     * client rebuilds them with its program's classes; "failure-cause" is present only when the job
     * ended with one.
     */
    public static ObjectNode completed(JobResult result) {
        ObjectNode jobResult = RestJson.object()
                .put("id", result.jobId().toString())
                .put("application-status", result.status().name());
        ObjectNode accumulators = RestJson.object();
        for (Map.Entry<String, Object> e : result.accumulatorResults().entrySet()) {
            try {
                accumulators.put(e.getKey(), Base64.getEncoder().encodeToString(InstantiationUtil.serializeObject(e.getValue())));
            } catch (IOException ex) {
                LOG.warn("Leaving out accumulator '{}' of job {}: its value does not serialize", e.getKey(), result.jobId(), ex);
            }
        }
        jobResult.set("accumulator-results", accumulators);
        jobResult.put("net-runtime", result.netRuntime());
        SerializedThrowable failure = result.failureCause();
        if (failure != null) {
            jobResult.set("failure-cause", RestJson.object()
                    .put("class", failure.className())
                    .put("message", failure.message())
                    .put("stack-trace", failure.stackTrace()));
        }
        ObjectNode node = RestJson.object();
        node.set("status", RestJson.object().put("id", "COMPLETED"));
        node.set("job-execution-result", jobResult);
        return node;
    }
}
