package org.millrace.runtime.highavailability;

import org.apache.curator.test.TestingServer;
import org.millrace.configuration.Configuration;

/** What the HA tests share: a configuration for ZooKeeper HA on a TestingServer. */
public final class ZooKeeperHaTesting {

    private ZooKeeperHaTesting() {}

    /** {@code high-availability.type: zookeeper} with the quorum of {@code zooKeeper}. */
    public static Configuration configuration(TestingServer zooKeeper) {
        Configuration configuration = new Configuration();
        configuration.set(HighAvailabilityOptions.HA_MODE, "zookeeper");
        configuration.set(HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM, zooKeeper.getConnectString());
        return configuration;
    }
}
