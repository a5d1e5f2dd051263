package org.millrace.yarn;

import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.runtime.highavailability.ZooKeeperClients;
import org.millrace.yarn.configuration.YarnConfigOptions;

/**
 * How many ApplicationMaster attempts an application gets ({@code yarn.application-attempts}, with
 * Flink's default: 1, or 2 when high availability is on), and how many the cluster allows
 * ({@code yarn.resourcemanager.am.max-attempts}), which YARN applies when it is fewer.
 */
public final class ApplicationAttempts {

    private ApplicationAttempts() {}

    /** The configured number of attempts; fails naming the key if it is below 1. */
    public static int configured(Configuration configuration) {
        int attempts = configuration.getOptional(YarnConfigOptions.APPLICATION_ATTEMPTS)
                .orElseGet(() -> ZooKeeperClients.isZooKeeperHa(configuration) ? 2 : 1);
        if (attempts < 1) {
            throw new IllegalConfigurationException("Invalid value '" + attempts + "' for configuration key '"
                    + YarnConfigOptions.APPLICATION_ATTEMPTS.key() + "': at least 1 attempt");
        }
        return attempts;
    }

    /** The most attempts YARN's ResourceManager grants any application, as the Hadoop configuration says. */
    public static int clusterMaximum(org.apache.hadoop.conf.Configuration hadoopConf) {
        return hadoopConf.getInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, YarnConfiguration.DEFAULT_RM_AM_MAX_ATTEMPTS);
    }

    /** The attempts this application actually gets: the configured ones, capped by the cluster. */
    public static int effective(Configuration configuration, org.apache.hadoop.conf.Configuration hadoopConf) {
        return Math.min(configured(configuration), clusterMaximum(hadoopConf));
    }
}
