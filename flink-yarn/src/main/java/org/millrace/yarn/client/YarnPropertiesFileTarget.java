package org.millrace.yarn.client;

import java.io.IOException;
import java.util.Map;
import org.millrace.client.cli.DefaultClusterTargetProvider;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.yarn.configuration.YarnConfigOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code flink run} without a target submits to the YARN session that {@code yarn-session.sh} left in
 * its {@link YarnPropertiesFile}, as Flink does.
 */
public final class YarnPropertiesFileTarget implements DefaultClusterTargetProvider {

    private static final Logger LOG = LoggerFactory.getLogger(YarnPropertiesFileTarget.class);

    @Override
    public Map<String, String> defaultTarget(Configuration configuration) {
        YarnPropertiesFile file = new YarnPropertiesFile(configuration);
        try {
            return file.readApplicationId().map(id -> {
                LOG.info("Found YARN properties file {}: submitting to the YARN session {}", file.path(), id);
                return Map.of(DeploymentOptions.TARGET.key(), YarnSessionExecutorFactory.NAME,
                        YarnConfigOptions.APPLICATION_ID.key(), id);
            }).orElse(Map.of());
        } catch (IOException e) {
            LOG.warn("Could not read the YARN properties file {}: {}", file.path(), e.toString());
            return Map.of();
        }
    }
}
