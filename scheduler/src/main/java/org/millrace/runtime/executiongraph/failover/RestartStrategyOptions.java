package org.millrace.runtime.executiongraph.failover;

import static org.millrace.configuration.ConfigOptions.key;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;

/**
 * Options choosing and tuning a job's restart strategy, with Flink's keys and defaults. Read by
 * {@link RestartBackoffTimeStrategyFactoryLoader}; a job's own configuration overrides the cluster's.
 */
public final class RestartStrategyOptions {

    private RestartStrategyOptions() {}

    public static final ConfigOption<String> RESTART_STRATEGY_TYPE = key("restart-strategy.type")
            .stringType()
            .noDefaultValue()
            .withDescription("How a failed job restarts: 'none' (aliases 'off', 'disable'), 'fixed-delay'"
                    + " ('fixeddelay'), 'failure-rate' ('failurerate') or 'exponential-delay' ('exponentialdelay')."
                    + " Unset: 'exponential-delay' if checkpointing is enabled, else 'none'.");

    public static final ConfigOption<Integer> RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS = key("restart-strategy.fixed-delay.attempts")
            .intType()
            .defaultValue(1)
            .withDescription("With 'fixed-delay': how many times the job may restart before it is declared failed.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FIXED_DELAY_DELAY = key("restart-strategy.fixed-delay.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("With 'fixed-delay': the wait between a failure and the restart.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF =
            key("restart-strategy.exponential-delay.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("With 'exponential-delay': the wait before the first restart (and after a reset).");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF =
            key("restart-strategy.exponential-delay.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription("With 'exponential-delay': the longest wait between a failure and the restart.");

    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER =
            key("restart-strategy.exponential-delay.backoff-multiplier")
                    .doubleType()
                    .defaultValue(1.5)
                    .withDescription("With 'exponential-delay': each wait is the previous one times this factor (>= 1).");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD =
            key("restart-strategy.exponential-delay.reset-backoff-threshold")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription("With 'exponential-delay': once the job has run this long after a restart without"
                            + " failing, the wait and the attempt count start over.");

    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR =
            key("restart-strategy.exponential-delay.jitter-factor")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription("With 'exponential-delay': each wait varies randomly by up to this fraction of"
                            + " itself (0 to 1), so many jobs failing together do not restart in lockstep.");

    public static final ConfigOption<Integer> RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS =
            key("restart-strategy.exponential-delay.attempts-before-reset-backoff")
                    .intType()
                    .defaultValue(Integer.MAX_VALUE)
                    .withDescription("With 'exponential-delay': how many restarts are allowed before the job is"
                            + " declared failed; the count starts over when the backoff resets.");

    public static final ConfigOption<Integer> RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL =
            key("restart-strategy.failure-rate.max-failures-per-interval")
                    .intType()
                    .defaultValue(1)
                    .withDescription("With 'failure-rate': how many failures (each followed by a restart) one"
                            + " interval may hold; one more within the interval fails the job.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL =
            key("restart-strategy.failure-rate.failure-rate-interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription("With 'failure-rate': the length of the sliding window failures are counted in.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_DELAY = key("restart-strategy.failure-rate.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("With 'failure-rate': the wait between a failure and the restart.");
}
