package org.millrace.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the REST API's {@code GET /jobs/:jobid} answer in the tests that kill JobManagers. */
public final class JobJson {

    private JobJson() {}

    /** Whether the job is RUNNING with every vertex RUNNING (its tasks deployed and started). */
    public static boolean allVerticesRunning(JsonNode job) {
        if (!job.path("state").asText().equals("RUNNING") || job.path("vertices").isEmpty()) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!vertex.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }
}
