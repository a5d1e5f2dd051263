package org.millrace.runtime.executiongraph.failover;

import java.util.Locale;

/** The values of {@code jobmanager.execution.failover-strategy}: what is restarted after a task failure. */
public enum FailoverStrategyType {
    /** Every task of the job. */
    FULL,
    /** The failed task's pipelined region and the regions that depend on it; see {@link RestartPipelinedRegionFailoverStrategy}. */
    REGION;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
