package org.millrace.yarn.client;

import org.millrace.configuration.Configuration;
import org.millrace.core.execution.PipelineExecutor;
import org.millrace.core.execution.PipelineExecutorFactory;

/** Serves {@code execution.target: yarn-session}: a job submitted to the YARN session {@code yarn.application.id}. */
public final class YarnSessionExecutorFactory implements PipelineExecutorFactory {

    public static final String NAME = "yarn-session";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new YarnJobSubmitter(false);
    }
}
