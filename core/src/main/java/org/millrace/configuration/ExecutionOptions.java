package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import org.millrace.api.common.BatchShuffleMode;
import org.millrace.api.common.RuntimeExecutionMode;

/** Options for how a job's tasks execute: batch or streaming, and when output buffers are sent. */
public final class ExecutionOptions {

    private ExecutionOptions() {}

    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE = key("execution.runtime-mode")
            .enumType(RuntimeExecutionMode.class)
            .defaultValue(RuntimeExecutionMode.STREAMING)
            .withDescription("STREAMING runs all tasks at once with pipelined exchanges and emits running"
                    + " results; BATCH (bounded sources only) runs stage by stage over blocking exchanges and"
                    + " emits one final result per key; AUTOMATIC picks BATCH when every source is bounded.");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = key("execution.buffer-timeout")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withDescription("Longest time a partly filled output buffer waits before it is sent downstream."
                    + " Lower values cut latency at the cost of throughput; '0 ms' sends after every record."
                    + " Has no effect while 'execution.buffer-timeout.enabled' is false.");

    public static final ConfigOption<Boolean> BUFFER_TIMEOUT_ENABLED = key("execution.buffer-timeout.enabled")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether 'execution.buffer-timeout' applies. When false, output buffers are sent"
                    + " only when full (or at a checkpoint barrier or end of input): highest throughput,"
                    + " unbounded latency on slow streams.");

    public static final ConfigOption<BatchShuffleMode> BATCH_SHUFFLE_MODE = key("execution.batch-shuffle-mode")
            .enumType(BatchShuffleMode.class)
            .defaultValue(BatchShuffleMode.ALL_EXCHANGES_BLOCKING)
            .withDescription("How exchanges of BATCH jobs move data. ALL_EXCHANGES_BLOCKING writes each exchange"
                    + " to checksummed spill files and starts a task once its inputs are complete, so a job"
                    + " runs stage by stage in as little as one slot; ALL_EXCHANGES_PIPELINED streams every"
                    + " exchange and needs a slot for every parallel subtask at once.");
}
