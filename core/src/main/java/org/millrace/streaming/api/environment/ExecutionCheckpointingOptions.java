package org.millrace.streaming.api.environment;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;

/** When and how often a job takes checkpoints ({@code execution.checkpointing.*}, Flink's keys). */
public final class ExecutionCheckpointingOptions {

    private ExecutionCheckpointingOptions() {}

    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = key("execution.checkpointing.interval")
            .durationType()
            .noDefaultValue()
            .withDescription("Time between the start of two periodic checkpoints. Checkpointing is off when not set.");

    public static final ConfigOption<org.millrace.streaming.api.CheckpointingMode> CHECKPOINTING_MODE =
            key("execution.checkpointing.mode")
            .enumType(org.millrace.streaming.api.CheckpointingMode.class)
            .defaultValue(org.millrace.streaming.api.CheckpointingMode.EXACTLY_ONCE)
            .withDescription("EXACTLY_ONCE aligns checkpoint barriers at tasks with several inputs, so state reflects"
                    + " every record exactly once after a restore; AT_LEAST_ONCE does not align (records may be applied"
                    + " twice after a restore).");

    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = key("execution.checkpointing.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("A checkpoint not complete after this long is aborted (and counts as a failed checkpoint).");

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = key("execution.checkpointing.max-concurrent-checkpoints")
            .intType()
            .defaultValue(1)
            .withDescription("How many checkpoints may be in progress at once; a periodic trigger waits while that many are.");

    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS = key("execution.checkpointing.min-pause")
            .durationType()
            .defaultValue(Duration.ZERO)
            .withDescription("Least time between the end of one checkpoint and the start of the next, so a job whose"
                    + " checkpoints take long still makes progress between them.");

    public static final ConfigOption<Integer> TOLERABLE_FAILED_CHECKPOINTS = key("execution.checkpointing.tolerable-failed-checkpoints")
            .intType()
            .defaultValue(0)
            .withDescription("How many checkpoints in a row may fail (time out, be declined, fail to write) before the"
                    + " job fails over.");

    public static final ConfigOption<org.millrace.configuration.ExternalizedCheckpointRetention> EXTERNALIZED_CHECKPOINT_RETENTION =
            key("execution.checkpointing.externalized-checkpoint-retention")
            .enumType(org.millrace.configuration.ExternalizedCheckpointRetention.class)
            .defaultValue(org.millrace.configuration.ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS)
            .withDescription("What happens to the job's checkpoints when it ends: NO_EXTERNALIZED_CHECKPOINTS deletes"
                    + " them; DELETE_ON_CANCELLATION keeps them if the job failed; RETAIN_ON_CANCELLATION keeps them if it"
                    + " failed or was cancelled. A finished job's checkpoints are always deleted; a kept checkpoint can be"
                    + " resumed from with 'flink run -s <checkpoint directory>'.");
}
