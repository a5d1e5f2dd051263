package org.millrace.runtime.executiongraph.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixedDelayRestartBackoffTimeStrategyTest {

    private final Exception failure = new Exception("task failed");

    @Test
    void restartsExactlyMaxAttemptsTimesWithTheConfiguredDelay() {
        FixedDelayRestartBackoffTimeStrategy strategy = new FixedDelayRestartBackoffTimeStrategy(3, 250);
        for (int attempt = 1; attempt <= 3; attempt++) {
            strategy.notifyFailure(failure);
            assertTrue(strategy.canRestart(), "attempt " + attempt);
            assertEquals(250L, strategy.getBackoffTime());
        }
        strategy.notifyFailure(failure);
        assertFalse(strategy.canRestart());
    }

    @Test
    void zeroAttemptsFailsOnTheFirstFailure() {
        FixedDelayRestartBackoffTimeStrategy strategy = new FixedDelayRestartBackoffTimeStrategy(0, 1000);
        strategy.notifyFailure(failure);
        assertFalse(strategy.canRestart());
    }

    @Test
    void negativeAttemptsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FixedDelayRestartBackoffTimeStrategy(-1, 1000));
    }

    @Test
    void noRestartStrategyNeverRestarts() {
        NoRestartBackoffTimeStrategy.INSTANCE.notifyFailure(failure);
        assertFalse(NoRestartBackoffTimeStrategy.INSTANCE.canRestart());
    }
}
