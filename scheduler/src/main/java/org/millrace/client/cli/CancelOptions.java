package org.millrace.client.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.millrace.api.common.JobID;

/**
 * What {@code flink cancel} was asked to do, as parsed by {@link CliOptionsParser}.
 *
 * @param jobId the job to cancel; null only when {@code help} is set
 */
public record CancelOptions(
        JobID jobId,
        ClusterTarget target,
        Map<String, String> dynamicProperties,
        boolean help) {

    public CancelOptions {
        dynamicProperties = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicProperties));
    }

    /** The configuration the command line sets: {@code -D}, then {@code -m} and {@code -t}. */
    public Map<String, String> configurationSettings() {
        return target.over(dynamicProperties);
    }
}
