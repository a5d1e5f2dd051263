package org.millrace.client.cli;

import java.util.Map;
import org.millrace.configuration.Configuration;

/**
 * Names the cluster {@code flink run} submits to when neither the command line nor the
 * configuration sets {@code execution.target}, e.g. the YARN session that {@code yarn-session.sh}
 * recorded in its properties file. Found through {@link java.util.ServiceLoader}; without any, such
 * a run stays on the embedded local cluster.
 */
public interface DefaultClusterTargetProvider {

    /** Settings naming a running cluster ({@code execution.target} and what it needs), or an empty map. */
    Map<String, String> defaultTarget(Configuration configuration);
}
