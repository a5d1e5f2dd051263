package org.millrace.runtime.executiongraph.failover;

import static org.millrace.configuration.ConfigOptions.key;

import org.millrace.configuration.ConfigOption;

/** Options for which tasks restart after a failure (Flink's {@code JobManagerOptions} failover key). */
public final class FailoverOptions {

    private FailoverOptions() {}

    public static final ConfigOption<FailoverStrategyType> EXECUTION_FAILOVER_STRATEGY =
            key("jobmanager.execution.failover-strategy")
                    .enumType(FailoverStrategyType.class)
                    .defaultValue(FailoverStrategyType.REGION)
                    .withDescription("What restarts after a task failure: 'full' restarts every task of the job;"
                            + " 'region' restarts only the failed task's pipelined region (tasks connected by"
                            + " pipelined exchanges), the regions that consume its results, and the producers of"
                            + " blocking results that were lost.");
}
