package org.millrace.yarn.client;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.millrace.client.cli.ClusterRestAddressResolver;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.yarn.configuration.YarnConfigOptions;

/**
 * {@code flink list} and {@code flink cancel} with {@code -t yarn-session} or {@code -t yarn-per-job}:
 * the REST address of the running application {@code yarn.application.id}, as YARN reports it.
 */
public final class YarnRestAddressResolver implements ClusterRestAddressResolver {

    @Override
    public Optional<InetSocketAddress> restAddress(Configuration configuration) throws Exception {
        String target = configuration.get(DeploymentOptions.TARGET);
        if (!YarnSessionExecutorFactory.NAME.equals(target) && !YarnPerJobExecutorFactory.NAME.equals(target)) {
            return Optional.empty();
        }
        String id = configuration.getOptional(YarnConfigOptions.APPLICATION_ID).orElseThrow(() ->
                new IllegalArgumentException("execution.target '" + target + "' needs "
                        + YarnConfigOptions.APPLICATION_ID.key() + " (-Dyarn.application.id=application_...)"));
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(configuration, System.out)) {
            YarnClusterDescriptor.YarnApplication application = descriptor.retrieve(id);
            return Optional.of(InetSocketAddress.createUnresolved(application.restHost(), application.restPort()));
        }
    }
}
