package org.millrace.yarn.client;

import org.millrace.configuration.Configuration;
import org.millrace.core.execution.PipelineExecutor;
import org.millrace.core.execution.PipelineExecutorFactory;

/** Serves {@code execution.target: yarn-per-job} ({@code flink run -m yarn-cluster}): one YARN application per job. */
public final class YarnPerJobExecutorFactory implements PipelineExecutorFactory {

    public static final String NAME = "yarn-per-job";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new YarnJobSubmitter(true);
    }
}
