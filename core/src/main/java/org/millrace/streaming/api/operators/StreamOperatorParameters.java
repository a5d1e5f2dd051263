package org.millrace.streaming.api.operators;

import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.java.functions.KeySelector;

/**
 * Everything an operator instance needs, passed to its constructor in one object: its output, its
 * runtime context, the key selector of a keyed input, and the execution mode.
 */
public final class StreamOperatorParameters<OUT> {

    private final String operatorName;
    private final Output<OUT> output;
    private final StreamingRuntimeContext runtimeContext;
    private final KeySelector<?, ?> keySelector;
    private final RuntimeExecutionMode executionMode;

    public StreamOperatorParameters(
            String operatorName,
            Output<OUT> output,
            StreamingRuntimeContext runtimeContext,
            KeySelector<?, ?> keySelector,
            RuntimeExecutionMode executionMode) {
        this.operatorName = operatorName;
        this.output = output;
        this.runtimeContext = runtimeContext;
        this.keySelector = keySelector;
        this.executionMode = executionMode;
    }

    public String getOperatorName() {
        return operatorName;
    }

    public Output<OUT> getOutput() {
        return output;
    }

    public StreamingRuntimeContext getRuntimeContext() {
        return runtimeContext;
    }

    /** The key selector of a keyed input, or null. */
    @SuppressWarnings("unchecked")
    public <IN, K> KeySelector<IN, K> getKeySelector() {
        return (KeySelector<IN, K>) keySelector;
    }

    /** STREAMING or BATCH (never AUTOMATIC: resolved when the graph is built). */
    public RuntimeExecutionMode getExecutionMode() {
        return executionMode;
    }
}
