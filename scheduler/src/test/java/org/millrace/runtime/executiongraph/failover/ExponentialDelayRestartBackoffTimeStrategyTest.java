package org.millrace.runtime.executiongraph.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExponentialDelayRestartBackoffTimeStrategyTest {

    private final Exception failure = new Exception("task failed");
    private final ManualClock clock = new ManualClock(1_000_000L);

    private ExponentialDelayRestartBackoffTimeStrategy strategy(long initial, long max, double multiplier, long threshold,
            double jitter, int attempts, double randomValue) {
        return new ExponentialDelayRestartBackoffTimeStrategy(
                new ExponentialDelayRestartBackoffTimeStrategy.Settings(initial, max, multiplier, threshold, jitter, attempts),
                clock, () -> randomValue);
    }

    /** Fails, reads the backoff, and lets that much time pass (the restart) plus {@code runMillis} of running. */
    private long failAndRun(ExponentialDelayRestartBackoffTimeStrategy strategy, long runMillis) {
        strategy.notifyFailure(failure);
        assertTrue(strategy.canRestart());
        long backoff = strategy.getBackoffTime();
        clock.advance(backoff + runMillis);
        return backoff;
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximum() {
        ExponentialDelayRestartBackoffTimeStrategy s = strategy(1000, 10_000, 2.0, 3_600_000, 0.0, Integer.MAX_VALUE, 0.5);
        long[] expected = {1000, 2000, 4000, 8000, 10_000, 10_000};
        for (long backoff : expected) {
            assertEquals(backoff, failAndRun(s, 10));
        }
    }

    @Test
    void fractionalMultiplierGrowsByFlinksDefaultOfOnePointFive() {
        ExponentialDelayRestartBackoffTimeStrategy s = strategy(1000, 60_000, 1.5, 3_600_000, 0.0, Integer.MAX_VALUE, 0.5);
        assertEquals(1000, failAndRun(s, 0));
        assertEquals(1500, failAndRun(s, 0));
        assertEquals(2250, failAndRun(s, 0));
    }

    @Test
    void backoffResetsAfterTheJobRanLongerThanTheThreshold() {
        ExponentialDelayRestartBackoffTimeStrategy s = strategy(1000, 10_000, 2.0, 60_000, 0.0, Integer.MAX_VALUE, 0.5);
        assertEquals(1000, failAndRun(s, 0));
        assertEquals(2000, failAndRun(s, 59_999)); // ran just short of the threshold: keeps growing
        assertEquals(4000, failAndRun(s, 60_000)); // ran exactly the threshold after this restart
        assertEquals(1000, failAndRun(s, 0));
        assertEquals(2000, failAndRun(s, 0));
    }

    @Test
    void givesUpAfterAttemptsBeforeResetBackoffAndCountsAgainAfterAReset() {
        ExponentialDelayRestartBackoffTimeStrategy s = strategy(10, 100, 2.0, 1000, 0.0, 2, 0.5);
        failAndRun(s, 0);    // attempt 1
        failAndRun(s, 2000); // attempt 2, then the job runs longer than the threshold
        failAndRun(s, 0);    // the count started over: attempt 1
        failAndRun(s, 0);    // attempt 2
        s.notifyFailure(failure);
        assertFalse(s.canRestart());
    }

    @Test
    void jitterSpreadsTheBackoffByTheFactorButNeverBeyondTheMaximum() {
        assertEquals(900, backoffAfterOneFailure(strategy(1000, 10_000, 2.0, 3_600_000, 0.1, 100, 0.0)));
        assertEquals(1100, backoffAfterOneFailure(strategy(1000, 10_000, 2.0, 3_600_000, 0.1, 100, 1.0)));
        assertEquals(1000, backoffAfterOneFailure(strategy(1000, 1000, 2.0, 3_600_000, 0.1, 100, 1.0)));
    }

    private long backoffAfterOneFailure(ExponentialDelayRestartBackoffTimeStrategy s) {
        s.notifyFailure(failure);
        return s.getBackoffTime();
    }

    @Test
    void settingsRejectAMaximumBelowTheInitialBackoff() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExponentialDelayRestartBackoffTimeStrategy.Settings(1000, 999, 2.0, 1000, 0.1, 1));
    }
}
