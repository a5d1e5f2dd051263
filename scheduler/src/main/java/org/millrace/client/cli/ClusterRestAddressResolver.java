package org.millrace.client.cli;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.millrace.configuration.Configuration;

/**
 * Finds the REST address of a cluster that an {@code execution.target} other than {@code remote}
 * names (e.g. {@code yarn-session} with {@code yarn.application.id}), so that {@code flink list}
 * and {@code flink cancel} reach it. Found through {@link java.util.ServiceLoader}.
 */
public interface ClusterRestAddressResolver {

    /**
     * The cluster's REST address, or empty if this resolver does not serve the configured target.
     *
     * @throws Exception if it serves the target but cannot find the cluster (the message says why)
     */
    Optional<InetSocketAddress> restAddress(Configuration configuration) throws Exception;
}
