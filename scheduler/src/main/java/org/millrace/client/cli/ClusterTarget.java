package org.millrace.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.client.remote.RemoteExecutorFactory;
import org.millrace.configuration.DeploymentOptions;

/**
 * Where an action goes, as given by {@code -m,--jobmanager <host:port>} and {@code -t,--target <name>};
 * both null means "as configured" ({@code execution.target}, by default the embedded local cluster).
 *
 * <p>{@code -m host:port} means {@code execution.target: remote} at that REST address;
 * {@code -m yarn-cluster} is Flink's old spelling of {@code -t yarn-per-job}. {@code -t} wins over
 * the target that {@code -m} implies.
 *
 * @param jobManagerAddress the {@code -m} value: {@code yarn-cluster} or {@code host:port}
 *     ({@code [v6address]:port} for IPv6), or null
 * @param executionTarget the {@code -t} value, or null
 */
public record ClusterTarget(String jobManagerAddress, String executionTarget) {

    /** Flink's {@code -m} value that asks for a per-job YARN cluster. */
    public static final String YARN_CLUSTER = "yarn-cluster";

    /** No {@code -m}, no {@code -t}. */
    public static final ClusterTarget CONFIGURED = new ClusterTarget(null, null);

    /** @throws IllegalArgumentException if the {@code -m} value is neither {@code yarn-cluster} nor {@code host:port} */
    public ClusterTarget {
        if (jobManagerAddress != null && !YARN_CLUSTER.equals(jobManagerAddress) && hostAndPort(jobManagerAddress) == null) {
            throw new IllegalArgumentException("The JobManager address (-m) must have the form <host>:<port>, was '"
                    + jobManagerAddress + "'");
        }
    }

    /**
     * The {@code -D} properties followed by the configuration these options stand for (so an option
     * wins over a {@code -D} of the same key), in command-line order.
     */
    Map<String, String> over(Map<String, String> dynamicProperties) {
        Map<String, String> settings = new LinkedHashMap<>(dynamicProperties);
        if (YARN_CLUSTER.equals(jobManagerAddress)) {
            settings.put(DeploymentOptions.TARGET.key(), "yarn-per-job");
        } else if (jobManagerAddress != null) {
            String[] hostPort = hostAndPort(jobManagerAddress);
            settings.put(DeploymentOptions.TARGET.key(), RemoteExecutorFactory.NAME);
            settings.put(RestClientOptions.ADDRESS.key(), hostPort[0]);
            settings.put(RestClientOptions.PORT.key(), hostPort[1]);
        }
        if (executionTarget != null) {
            settings.put(DeploymentOptions.TARGET.key(), executionTarget);
        }
        return settings;
    }

    /**
     * Splits at the last ':' (an IPv6 host keeps its colons; its brackets are removed); null unless
     * the host is non-empty and the port is in 1..65535.
     */
    private static String[] hostAndPort(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String host = address.substring(0, colon).strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = address.substring(colon + 1).strip();
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            return null;
        }
        return new String[] {host, port};
    }
}
