package org.millrace.runtime.highavailability;

import java.util.Locale;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;

/**
 * Starts the Curator client of a cluster's HA services from the configuration: the quorum, the
 * timeouts and retries, and the namespace {@code <path.root>/<cluster-id>} so clusters sharing a
 * ZooKeeper never see each other's nodes.
 */
public final class ZooKeeperClients {

    private ZooKeeperClients() {}

    /** Whether {@code high-availability.type} asks for ZooKeeper; anything but NONE/ZOOKEEPER is refused naming the key. */
    public static boolean isZooKeeperHa(Configuration conf) {
        String mode = conf.get(HighAvailabilityOptions.HA_MODE).trim().toUpperCase(Locale.ROOT);
        return switch (mode) {
            case "NONE" -> false;
            case "ZOOKEEPER" -> true;
            default -> throw new IllegalConfigurationException("Invalid value '" + mode + "' for configuration key '"
                    + HighAvailabilityOptions.HA_MODE.key() + "': expected NONE or ZOOKEEPER");
        };
    }

    /** A started client; close it when the process stops. */
    public static CuratorFramework start(Configuration conf) {
        String quorum = conf.get(HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM);
        if (quorum == null || quorum.isBlank()) {
            throw new IllegalConfigurationException("ZooKeeper HA needs '" + HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM.key()
                    + "' (host:port[,host:port...])");
        }
        String namespace = (trimSlashes(conf.get(HighAvailabilityOptions.HA_ZOOKEEPER_ROOT)) + "/"
                + trimSlashes(conf.get(HighAvailabilityOptions.HA_CLUSTER_ID))).replaceAll("^/+|/+$", "");
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(quorum.trim())
                .sessionTimeoutMs((int) conf.get(HighAvailabilityOptions.ZOOKEEPER_SESSION_TIMEOUT).toMillis())
                .connectionTimeoutMs((int) conf.get(HighAvailabilityOptions.ZOOKEEPER_CONNECTION_TIMEOUT).toMillis())
                .retryPolicy(new ExponentialBackoffRetry((int) conf.get(HighAvailabilityOptions.ZOOKEEPER_RETRY_WAIT).toMillis(),
                        conf.get(HighAvailabilityOptions.ZOOKEEPER_MAX_RETRY_ATTEMPTS)))
                .namespace(namespace)
                .build();
        client.start();
        return client;
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
