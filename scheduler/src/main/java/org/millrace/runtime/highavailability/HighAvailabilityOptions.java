package org.millrace.runtime.highavailability;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;

/** JobManager high availability with ZooKeeper (Flink's {@code high-availability.*} keys). */
public final class HighAvailabilityOptions {

    private HighAvailabilityOptions() {}

    public static final ConfigOption<String> HA_MODE = key("high-availability.type")
            .stringType()
            .defaultValue("NONE")
            .withDescription("NONE (one JobManager, no recovery of a lost one) or ZOOKEEPER (JobManagers elect a"
                    + " leader through ZooKeeper; a standby takes over).")
            .withDeprecatedKeys("high-availability");

    public static final ConfigOption<String> HA_ZOOKEEPER_QUORUM = key("high-availability.zookeeper.quorum")
            .stringType()
            .noDefaultValue()
            .withDescription("The ZooKeeper servers, host:port[,host:port...]. Required with ZOOKEEPER.");

    public static final ConfigOption<String> HA_ZOOKEEPER_ROOT = key("high-availability.zookeeper.path.root")
            .stringType()
            .defaultValue("/flink")
            .withDescription("The ZooKeeper node under which every cluster keeps its HA data.");

    public static final ConfigOption<String> HA_CLUSTER_ID = key("high-availability.cluster-id")
            .stringType()
            .defaultValue("/default")
            .withDescription("Separates clusters sharing one ZooKeeper root (on YARN: the application id).");

    public static final ConfigOption<String> HA_STORAGE_PATH = key("high-availability.storageDir")
            .stringType()
            .noDefaultValue()
            .withDescription("File system URI where JobManagers keep the HA data that ZooKeeper points to"
                    + " (job graphs, checkpoint metadata).");

    public static final ConfigOption<Integer> HA_JOB_MANAGER_PORT = key("high-availability.jobmanager.port")
            .intType()
            .defaultValue(0)
            .withDescription("With ZOOKEEPER: port of each JobManager's control endpoint, used instead of"
                    + " jobmanager.rpc.port (0 = any free port, so several JobManagers can share a host); the leader"
                    + " publishes the port it got in ZooKeeper, where TaskManagers find it.");

    public static final ConfigOption<Duration> ZOOKEEPER_SESSION_TIMEOUT = key("high-availability.zookeeper.client.session-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(60))
            .withDescription("ZooKeeper session timeout: how long after losing contact a JobManager's session ends"
                    + " and another may become leader.");

    public static final ConfigOption<Duration> ZOOKEEPER_CONNECTION_TIMEOUT = key("high-availability.zookeeper.client.connection-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(15))
            .withDescription("How long to wait for a connection to ZooKeeper.");

    public static final ConfigOption<Duration> ZOOKEEPER_RETRY_WAIT = key("high-availability.zookeeper.client.retry-wait")
            .durationType()
            .defaultValue(Duration.ofSeconds(5))
            .withDescription("Pause between attempts to reach ZooKeeper.");

    public static final ConfigOption<Integer> ZOOKEEPER_MAX_RETRY_ATTEMPTS = key("high-availability.zookeeper.client.max-retry-attempts")
            .intType()
            .defaultValue(3)
            .withDescription("Attempts to reach ZooKeeper before an operation fails.");
}
