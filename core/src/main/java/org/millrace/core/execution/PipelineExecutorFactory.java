package org.millrace.core.execution;

import org.millrace.configuration.Configuration;

/** Service-loaded factory of a {@link PipelineExecutor} for one {@code execution.target} (e.g. "local"). */
public interface PipelineExecutorFactory {

    /** The {@code execution.target} value this factory serves. */
    String getName();

    PipelineExecutor getExecutor(Configuration configuration);
}
