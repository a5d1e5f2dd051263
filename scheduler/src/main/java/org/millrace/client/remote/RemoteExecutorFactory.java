package org.millrace.client.remote;

import org.millrace.configuration.Configuration;
import org.millrace.core.execution.PipelineExecutor;
import org.millrace.core.execution.PipelineExecutorFactory;

/** Serves {@code execution.target: remote}: a session cluster reached over REST ({@code flink run -m host:port}). */
public final class RemoteExecutorFactory implements PipelineExecutorFactory {

    public static final String NAME = "remote";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new RemoteExecutor();
    }
}
