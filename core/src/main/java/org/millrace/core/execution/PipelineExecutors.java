package org.millrace.core.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.DeploymentOptions;
import org.millrace.configuration.IllegalConfigurationException;

/** Finds the executor for a configuration's {@code execution.target}. */
public final class PipelineExecutors {

    private PipelineExecutors() {}

    public static PipelineExecutor forConfiguration(Configuration configuration, ClassLoader classLoader) {
        String target = configuration.get(DeploymentOptions.TARGET);
        List<String> known = new ArrayList<>();
        for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class, classLoader)) {
            if (factory.getName().equalsIgnoreCase(target)) {
                return factory.getExecutor(configuration);
            }
            known.add(factory.getName());
        }
        if (known.isEmpty()) {
            throw new IllegalStateException("No executor found on the class path: add millrace-scheduler (the local "
                    + "MiniCluster) to run jobs, or run them with bin/flink.");
        }
        throw new IllegalConfigurationException("Invalid value '" + target + "' for configuration key '"
                + DeploymentOptions.TARGET.key() + "': expected one of " + known);
    }
}
