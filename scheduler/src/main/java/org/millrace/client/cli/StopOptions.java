package org.millrace.client.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.millrace.api.common.JobID;

/**
 * What {@code flink stop} was asked to do: stop a job with a savepoint.
 *
 * @param jobId the job to stop; null only for help
 * @param savepointDirectory {@code -p, --savepointPath}; null for the cluster's {@code state.savepoints.dir}
 * @param drain {@code -d, --drain}: end event time (the sources end their input) with the savepoint, so the job finishes
 */
public record StopOptions(
        JobID jobId,
        String savepointDirectory,
        boolean drain,
        ClusterTarget target,
        Map<String, String> dynamicProperties,
        boolean help) {

    public StopOptions {
        dynamicProperties = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicProperties));
    }

    /** The configuration the command line sets: {@code -D}, then {@code -m} and {@code -t}. */
    public Map<String, String> configurationSettings() {
        return target.over(dynamicProperties);
    }
}
