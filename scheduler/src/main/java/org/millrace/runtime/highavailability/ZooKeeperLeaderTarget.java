package org.millrace.runtime.highavailability;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.millrace.client.cli.DefaultClusterTargetProvider;
import org.millrace.client.program.rest.RestClientOptions;
import org.millrace.client.remote.RemoteExecutorFactory;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.configuration.IllegalConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/flink} without {@code -m} on a ZooKeeper HA configuration: asks ZooKeeper where the
 * leading JobManager's REST API is (waiting up to the connection timeout for a leader) and sends the
 * action there.
 */
public final class ZooKeeperLeaderTarget implements DefaultClusterTargetProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperLeaderTarget.class);

    @Override
    public Map<String, String> defaultTarget(Configuration configuration) {
        if (!ZooKeeperClients.isZooKeeperHa(configuration)) {
            return Map.of();
        }
        long timeoutMillis = configuration.get(HighAvailabilityOptions.ZOOKEEPER_CONNECTION_TIMEOUT).toMillis();
        CompletableFuture<String> leader = new CompletableFuture<>();
        try (CuratorFramework client = ZooKeeperClients.start(configuration);
             LeaderRetrieval retrieval = new LeaderRetrieval(client, "jobmanager", (address, session) -> {
                 if (address != null) {
                     leader.complete(address);
                 }
             })) {
            retrieval.start();
            LeaderAddress address = LeaderAddress.parse(leader.get(timeoutMillis, TimeUnit.MILLISECONDS));
            LOG.info("The JobManager leader's REST API is at {} (from ZooKeeper)", address.restBaseUrl());
            return Map.of(DeploymentOptions.TARGET.key(), RemoteExecutorFactory.NAME,
                    RestClientOptions.ADDRESS.key(), address.restAddress().getHostString(),
                    RestClientOptions.PORT.key(), String.valueOf(address.restAddress().getPort()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalConfigurationException("Interrupted while asking ZooKeeper for the JobManager leader");
        } catch (Exception e) {
            throw new IllegalConfigurationException("Could not find the JobManager leader in ZooKeeper at '"
                    + configuration.get(HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM) + "' within " + timeoutMillis
                    + " ms (" + HighAvailabilityOptions.ZOOKEEPER_CONNECTION_TIMEOUT.key() + "): " + e, e);
        }
    }
}
