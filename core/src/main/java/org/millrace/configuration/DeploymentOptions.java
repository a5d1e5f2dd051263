package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;

/** Options choosing where a job is submitted and whether the client waits for it. */
public final class DeploymentOptions {

    private DeploymentOptions() {}

    public static final ConfigOption<String> TARGET = key("execution.target")
            .stringType()
            .defaultValue("local")
            .withDescription("Where jobs run: 'local' (an embedded MiniCluster in the client JVM), 'remote'"
                    + " (a standalone session cluster), 'yarn-session' or 'yarn-per-job'. The -t option"
                    + " of 'flink run' sets it.");

    public static final ConfigOption<Boolean> ATTACHED = key("execution.attached")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether the client waits for the job to finish and reports its result. 'flink"
                    + " run -d' (detached) sets it to false: the client returns once the job is submitted.");
}
