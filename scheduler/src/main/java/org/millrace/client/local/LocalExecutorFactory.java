package org.millrace.client.local;

import org.millrace.configuration.Configuration;
import org.millrace.core.execution.PipelineExecutor;
import org.millrace.core.execution.PipelineExecutorFactory;

/** Serves {@code execution.target: local}: the embedded MiniCluster. */
public final class LocalExecutorFactory implements PipelineExecutorFactory {

    public static final String NAME = "local";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new LocalExecutor();
    }
}
