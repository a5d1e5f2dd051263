package org.millrace.runtime.checkpoint;

import org.millrace.streaming.api.environment.ExecutionCheckpointingOptions;
import java.time.Duration;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.IllegalConfigurationException;

/**
 * The checkpointing settings of one job, read and checked once at submission.
 *
 * @param interval time between periodic triggers
 * @param timeout after which a pending checkpoint is aborted
 * @param maxConcurrent checkpoints in progress at once, at least 1
 * @param minPause least time from one checkpoint's end to the next one's start
 * @param tolerableFailures consecutive failed checkpoints before the job fails over
 */
public record CheckpointCoordinatorConfiguration(Duration interval, Duration timeout, int maxConcurrent,
                                                 Duration minPause, int tolerableFailures) {

    /** Null when the job does not checkpoint ({@code execution.checkpointing.interval} unset). */
    public static CheckpointCoordinatorConfiguration fromConfiguration(Configuration conf) {
        Duration interval = conf.get(ExecutionCheckpointingOptions.CHECKPOINTING_INTERVAL);
        if (interval == null) {
            return null;
        }
        positive(ExecutionCheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        Duration timeout = conf.get(ExecutionCheckpointingOptions.CHECKPOINTING_TIMEOUT);
        positive(ExecutionCheckpointingOptions.CHECKPOINTING_TIMEOUT, timeout);
        int maxConcurrent = conf.get(ExecutionCheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
        atLeast(ExecutionCheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, maxConcurrent, 1);
        Duration minPause = conf.get(ExecutionCheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS);
        if (minPause.isNegative()) {
            throw invalid(ExecutionCheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, minPause, "a duration >= 0");
        }
        int tolerable = conf.get(ExecutionCheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS);
        atLeast(ExecutionCheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS, tolerable, 0);
        return new CheckpointCoordinatorConfiguration(interval, timeout, maxConcurrent, minPause, tolerable);
    }

    private static void positive(ConfigOption<Duration> option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw invalid(option, value, "a positive duration, e.g. '10 s'");
        }
    }

    private static void atLeast(ConfigOption<Integer> option, int value, int min) {
        if (value < min) {
            throw invalid(option, value, "an integer >= " + min);
        }
    }

    private static IllegalConfigurationException invalid(ConfigOption<?> option, Object value, String expected) {
        return new IllegalConfigurationException("Invalid value '" + value + "' for configuration key '" + option.key()
                + "': expected " + expected);
    }
}
