package org.millrace.runtime.executiongraph.failover;

import static org.millrace.runtime.executiongraph.failover.RestartStrategyOptions.*;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;

/**
 * Turns the {@code restart-strategy.*} options into a {@link RestartBackoffTimeStrategy.Factory},
 * validating every value up front so a bad setting fails the submission with the key named rather
 * than surfacing at the first task failure.
 *
 * <p>Each key is read from the job's configuration if set there, else from the cluster's. With no
 * {@code restart-strategy.type} anywhere, a job with checkpointing restarts with
 * {@code exponential-delay} and a job without checkpointing does not restart, as in Flink.
 */
public final class RestartBackoffTimeStrategyFactoryLoader {

    private static final LongSupplier MONOTONIC_MILLIS = () -> System.nanoTime() / 1_000_000L;
    private static final DoubleSupplier JITTER = () -> ThreadLocalRandom.current().nextDouble();

    private RestartBackoffTimeStrategyFactoryLoader() {}

    /**
     * The factory for a job, using the monotonic system clock.
     *
     * @throws IllegalConfigurationException naming the key of the first invalid value
     */
    public static RestartBackoffTimeStrategy.Factory createFactory(Configuration jobConfiguration,
            Configuration clusterConfiguration, boolean checkpointingEnabled) {
        return createFactory(jobConfiguration, clusterConfiguration, checkpointingEnabled, MONOTONIC_MILLIS, JITTER);
    }

    /**
     * As {@link #createFactory(Configuration, Configuration, boolean)} with the given clock
     * (milliseconds, monotonic) and jitter source (uniform in {@code [0, 1)}); for tests.
     */
    public static RestartBackoffTimeStrategy.Factory createFactory(Configuration jobConfiguration,
            Configuration clusterConfiguration, boolean checkpointingEnabled, LongSupplier clock, DoubleSupplier random) {
        Configuration conf = new Configuration(clusterConfiguration);
        conf.addAll(jobConfiguration);
        RestartStrategyType type = conf.getOptional(RESTART_STRATEGY_TYPE)
                .map(name -> RestartStrategyType.fromName(name).orElseThrow(() -> invalid(RESTART_STRATEGY_TYPE, name,
                        "one of " + String.join(", ", RestartStrategyType.acceptedNames()))))
                .orElse(checkpointingEnabled ? RestartStrategyType.EXPONENTIAL_DELAY : RestartStrategyType.NONE);
        return switch (type) {
            case NONE -> () -> NoRestartBackoffTimeStrategy.INSTANCE;
            case FIXED_DELAY -> fixedDelay(conf);
            case FAILURE_RATE -> failureRate(conf, clock);
            case EXPONENTIAL_DELAY -> exponentialDelay(conf, clock, random);
        };
    }

    private static RestartBackoffTimeStrategy.Factory fixedDelay(Configuration conf) {
        int attempts = atLeast(conf, RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 0);
        long delay = millisAtLeast(conf, RESTART_STRATEGY_FIXED_DELAY_DELAY, 0);
        return () -> new FixedDelayRestartBackoffTimeStrategy(attempts, delay);
    }

    private static RestartBackoffTimeStrategy.Factory failureRate(Configuration conf, LongSupplier clock) {
        int maxFailures = atLeast(conf, RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL, 1);
        long interval = millisAtLeast(conf, RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL, 1);
        long delay = millisAtLeast(conf, RESTART_STRATEGY_FAILURE_RATE_DELAY, 0);
        return () -> new FailureRateRestartBackoffTimeStrategy(clock, maxFailures, interval, delay);
    }

    private static RestartBackoffTimeStrategy.Factory exponentialDelay(Configuration conf, LongSupplier clock, DoubleSupplier random) {
        long initial = millisAtLeast(conf, RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, 1);
        long max = millisAtLeast(conf, RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, 1);
        if (max < initial) {
            throw invalid(RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, text(conf, RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF),
                    "a duration not shorter than '" + RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF.key() + "' ("
                            + initial + " ms)");
        }
        double multiplier = conf.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER);
        if (multiplier < 1.0) {
            throw invalid(RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER,
                    text(conf, RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER), "a number >= 1");
        }
        long threshold = millisAtLeast(conf, RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, 1);
        double jitter = conf.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR);
        if (jitter < 0.0 || jitter > 1.0) {
            throw invalid(RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR,
                    text(conf, RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR), "a number from 0 to 1");
        }
        int attempts = atLeast(conf, RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, 1);
        ExponentialDelayRestartBackoffTimeStrategy.Settings settings = new ExponentialDelayRestartBackoffTimeStrategy.Settings(
                initial, max, multiplier, threshold, jitter, attempts);
        return () -> new ExponentialDelayRestartBackoffTimeStrategy(settings, clock, random);
    }

    private static int atLeast(Configuration conf, ConfigOption<Integer> option, int minimum) {
        int value = conf.get(option);
        if (value < minimum) {
            throw invalid(option, text(conf, option), "an integer >= " + minimum);
        }
        return value;
    }

    private static long millisAtLeast(Configuration conf, ConfigOption<Duration> option, long minimumMillis) {
        Duration value = conf.get(option);
        if (value.isNegative() || value.toMillis() < minimumMillis) {
            throw invalid(option, text(conf, option), "a duration of at least " + minimumMillis + " ms");
        }
        return value.toMillis();
    }

    private static String text(Configuration conf, ConfigOption<?> option) {
        return conf.getString(option.key(), String.valueOf(option.defaultValue()));
    }

    private static IllegalConfigurationException invalid(ConfigOption<?> option, String value, String expected) {
        return new IllegalConfigurationException(
                "Invalid value '" + value + "' for configuration key '" + option.key() + "': expected " + expected);
    }
}
