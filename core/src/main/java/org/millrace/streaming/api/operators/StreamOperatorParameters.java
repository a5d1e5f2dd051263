package org.millrace.streaming.api.operators;

import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.streaming.runtime.tasks.ProcessingTimeService;

/**
 * Everything an operator instance needs, passed to its constructor in one object: its output, its
 * runtime context, the key selector of a keyed input, the execution mode, the processing-time
 * service (timers that run in the task thread) and the job's auto-watermark interval.
 */
public final class StreamOperatorParameters<OUT> {

    private final String operatorName;
    private final Output<OUT> output;
    private final StreamingRuntimeContext runtimeContext;
    private final KeySelector<?, ?> keySelector;
    private final RuntimeExecutionMode executionMode;
    private final ProcessingTimeService processingTimeService;
    private final long autoWatermarkIntervalMillis;

    public StreamOperatorParameters(
            String operatorName,
            Output<OUT> output,
            StreamingRuntimeContext runtimeContext,
            KeySelector<?, ?> keySelector,
            RuntimeExecutionMode executionMode,
            ProcessingTimeService processingTimeService,
            long autoWatermarkIntervalMillis) {
        this.operatorName = operatorName;
        this.output = output;
        this.runtimeContext = runtimeContext;
        this.keySelector = keySelector;
        this.executionMode = executionMode;
        this.processingTimeService = processingTimeService;
        this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
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

    /** Wall-clock timers whose callbacks run in the task thread. */
    public ProcessingTimeService getProcessingTimeService() {
        return processingTimeService;
    }

    /** How often periodic watermark generators emit, in milliseconds; 0 means never. */
    public long getAutoWatermarkIntervalMillis() {
        return autoWatermarkIntervalMillis;
    }
}
