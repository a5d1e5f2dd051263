package org.millrace.runtime.executiongraph.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;

class RestartBackoffTimeStrategyFactoryLoaderTest {

    private final Exception failure = new Exception("task failed");
    private final ManualClock clock = new ManualClock(0L);

    private RestartBackoffTimeStrategy load(Map<String, String> job, Map<String, String> cluster, boolean checkpointing) {
        return RestartBackoffTimeStrategyFactoryLoader.createFactory(Configuration.fromMap(job), Configuration.fromMap(cluster),
                checkpointing, clock, () -> 0.5).create();
    }

    private RestartBackoffTimeStrategy load(Map<String, String> job) {
        return load(job, Map.of(), false);
    }

    @Test
    void unsetTypeWithoutCheckpointingDoesNotRestart() {
        assertSame(NoRestartBackoffTimeStrategy.INSTANCE, load(Map.of(), Map.of(), false));
    }

    @Test
    void unsetTypeWithCheckpointingUsesExponentialDelayWithFlinksDefaults() {
        RestartBackoffTimeStrategy strategy = load(Map.of(), Map.of(), true);
        assertInstanceOf(ExponentialDelayRestartBackoffTimeStrategy.class, strategy);
        long[] expected = {1000, 1500, 2250, 3375};
        for (long backoff : expected) {
            strategy.notifyFailure(failure);
            assertTrue(strategy.canRestart());
            assertEquals(backoff, strategy.getBackoffTime()); // jitter source 0.5 means no jitter
            clock.advance(backoff);
        }
    }

    @Test
    void fixedDelayDefaultsToOneAttemptAfterOneSecond() {
        RestartBackoffTimeStrategy strategy = load(Map.of("restart-strategy.type", "fixed-delay"));
        strategy.notifyFailure(failure);
        assertTrue(strategy.canRestart());
        assertEquals(1000L, strategy.getBackoffTime());
        strategy.notifyFailure(failure);
        assertFalse(strategy.canRestart());
    }

    @Test
    void fixedDelayReadsAttemptsAndDelay() {
        RestartBackoffTimeStrategy strategy = load(Map.of("restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3", "restart-strategy.fixed-delay.delay", "10 s"));
        for (int i = 0; i < 3; i++) {
            strategy.notifyFailure(failure);
            assertTrue(strategy.canRestart());
            assertEquals(10_000L, strategy.getBackoffTime());
        }
        strategy.notifyFailure(failure);
        assertFalse(strategy.canRestart());
    }

    @Test
    void failureRateDefaultsAllowOneFailurePerMinuteWithOneSecondDelay() {
        RestartBackoffTimeStrategy strategy = load(Map.of("restart-strategy.type", "failure-rate"));
        strategy.notifyFailure(failure);
        assertTrue(strategy.canRestart());
        assertEquals(1000L, strategy.getBackoffTime());
        clock.advance(59_999);
        strategy.notifyFailure(failure);
        assertFalse(strategy.canRestart());
    }

    @ParameterizedTest
    @CsvSource({
        "none, NoRestartBackoffTimeStrategy", "off, NoRestartBackoffTimeStrategy", "disable, NoRestartBackoffTimeStrategy",
        "fixed-delay, FixedDelayRestartBackoffTimeStrategy", "fixeddelay, FixedDelayRestartBackoffTimeStrategy",
        "FIXED-DELAY, FixedDelayRestartBackoffTimeStrategy",
        "failure-rate, FailureRateRestartBackoffTimeStrategy", "failurerate, FailureRateRestartBackoffTimeStrategy",
        "exponential-delay, ExponentialDelayRestartBackoffTimeStrategy",
        "exponentialdelay, ExponentialDelayRestartBackoffTimeStrategy"})
    void everyFlinkNameAndAliasSelectsItsStrategy(String name, String expectedClass) {
        assertEquals(expectedClass, load(Map.of("restart-strategy.type", name), Map.of(), true).getClass().getSimpleName());
    }

    @Test
    void jobConfigurationWinsOverClusterConfigurationKeyByKey() {
        RestartBackoffTimeStrategy strategy = load(
                Map.of("restart-strategy.fixed-delay.attempts", "2"),
                Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "7"), false);
        strategy.notifyFailure(failure);
        strategy.notifyFailure(failure);
        assertTrue(strategy.canRestart());
        strategy.notifyFailure(failure);
        assertFalse(strategy.canRestart());

        assertSame(NoRestartBackoffTimeStrategy.INSTANCE,
                load(Map.of("restart-strategy.type", "none"), Map.of("restart-strategy.type", "fixed-delay"), true));
    }

    @Test
    void eachCreatedStrategyStartsWithoutHistory() {
        RestartBackoffTimeStrategy.Factory factory = RestartBackoffTimeStrategyFactoryLoader.createFactory(
                Configuration.fromMap(Map.of("restart-strategy.type", "fixed-delay")), new Configuration(), false);
        RestartBackoffTimeStrategy first = factory.create();
        first.notifyFailure(failure);
        first.notifyFailure(failure);
        RestartBackoffTimeStrategy second = factory.create();
        assertNotSame(first, second);
        second.notifyFailure(failure);
        assertTrue(second.canRestart());
    }

    @Test
    void unknownTypeNamesTheKeyAndTheAcceptedValues() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> load(Map.of("restart-strategy.type", "sometimes")));
        assertEquals("Invalid value 'sometimes' for configuration key 'restart-strategy.type': expected one of none,"
                + " disable, off, fixed-delay, fixeddelay, failure-rate, failurerate, exponential-delay, exponentialdelay",
                e.getMessage());
    }

    @Test
    void negativeAttemptsNameTheKey() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> load(Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "-1")));
        assertEquals("Invalid value '-1' for configuration key 'restart-strategy.fixed-delay.attempts': expected an integer >= 0",
                e.getMessage());
    }

    @Test
    void malformedDurationNamesTheKey() {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> load(Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "soon")));
        assertTrue(e.getMessage().contains("'restart-strategy.fixed-delay.delay'"), e.getMessage());
    }

    @Test
    void invalidExponentialSettingsNameTheirKeys() {
        Map<String, String> exponential = Map.of("restart-strategy.type", "exponential-delay");
        assertKeyNamed("restart-strategy.exponential-delay.backoff-multiplier",
                with(exponential, "restart-strategy.exponential-delay.backoff-multiplier", "0.5"));
        assertKeyNamed("restart-strategy.exponential-delay.jitter-factor",
                with(exponential, "restart-strategy.exponential-delay.jitter-factor", "1.5"));
        assertKeyNamed("restart-strategy.exponential-delay.max-backoff",
                with(exponential, "restart-strategy.exponential-delay.max-backoff", "500 ms"));
        assertKeyNamed("restart-strategy.exponential-delay.attempts-before-reset-backoff",
                with(exponential, "restart-strategy.exponential-delay.attempts-before-reset-backoff", "0"));
        assertKeyNamed("restart-strategy.failure-rate.max-failures-per-interval", Map.of("restart-strategy.type", "failure-rate",
                "restart-strategy.failure-rate.max-failures-per-interval", "0"));
    }

    @Test
    void settingsOfAnotherStrategyAreNotValidated() {
        assertInstanceOf(FixedDelayRestartBackoffTimeStrategy.class, load(Map.of("restart-strategy.type", "fixed-delay",
                "restart-strategy.exponential-delay.jitter-factor", "7")));
    }

    private void assertKeyNamed(String key, Map<String, String> job) {
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, () -> load(job));
        assertTrue(e.getMessage().contains("configuration key '" + key + "'"), e.getMessage());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
