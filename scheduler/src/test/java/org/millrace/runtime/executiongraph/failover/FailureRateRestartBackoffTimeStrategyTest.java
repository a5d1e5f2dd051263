package org.millrace.runtime.executiongraph.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureRateRestartBackoffTimeStrategyTest {

    private final Exception failure = new Exception("task failed");
    private final ManualClock clock = new ManualClock(500_000L);

    @Test
    void allowsMaxFailuresWithinOneIntervalAndFailsOnTheNext() {
        FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(clock, 3, 60_000, 200);
        for (int i = 0; i < 3; i++) {
            strategy.notifyFailure(failure);
            assertTrue(strategy.canRestart(), "failure " + (i + 1));
            assertEquals(200L, strategy.getBackoffTime());
            clock.advance(10_000);
        }
        strategy.notifyFailure(failure); // 4th failure, 30 s after the 1st
        assertFalse(strategy.canRestart());
    }

    @Test
    void failuresOlderThanTheIntervalNoLongerCount() {
        FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(clock, 2, 60_000, 0);
        strategy.notifyFailure(failure);
        for (int i = 2; i <= 10; i++) {
            clock.advance(30_000); // two failures per minute at most
            strategy.notifyFailure(failure);
            assertTrue(strategy.canRestart(), "failure " + i);
        }
        clock.advance(29_999);
        strategy.notifyFailure(failure); // three failures within 59,999 ms
        assertFalse(strategy.canRestart());
    }

    @Test
    void defaultOfOneFailurePerIntervalFailsOnASecondFailureWithinIt() {
        FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(clock, 1, 60_000, 1000);
        strategy.notifyFailure(failure);
        assertTrue(strategy.canRestart());
        clock.advance(60_000);
        strategy.notifyFailure(failure);
        assertTrue(strategy.canRestart());
        clock.advance(59_999);
        strategy.notifyFailure(failure);
        assertFalse(strategy.canRestart());
    }
}
