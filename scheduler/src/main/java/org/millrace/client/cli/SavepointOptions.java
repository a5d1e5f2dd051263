package org.millrace.client.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.millrace.api.common.JobID;

/**
 * What {@code flink savepoint} was asked to do: take a savepoint of a job, or ({@code -d}) dispose of one.
 *
 * @param jobId the job to take a savepoint of; null when disposing or for help
 * @param targetDirectory where the savepoint goes; null for the cluster's {@code state.savepoints.dir}
 * @param disposePath the savepoint to delete ({@code -d, --dispose}), or null
 */
public record SavepointOptions(
        JobID jobId,
        String targetDirectory,
        String disposePath,
        ClusterTarget target,
        Map<String, String> dynamicProperties,
        boolean help) {

    public SavepointOptions {
        dynamicProperties = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicProperties));
    }

    /** The configuration the command line sets: {@code -D}, then {@code -m} and {@code -t}. */
    public Map<String, String> configurationSettings() {
        return target.over(dynamicProperties);
    }
}
