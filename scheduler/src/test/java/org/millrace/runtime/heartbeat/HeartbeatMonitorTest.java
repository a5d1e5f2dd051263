package org.millrace.runtime.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatMonitorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(50);
    private static final HeartbeatTarget NO_REQUESTS = () -> {};

    private final ManualScheduledExecutor scheduler = new ManualScheduledExecutor();
    private final List<String> timedOut = new ArrayList<>();
    private final HeartbeatMonitor<String> monitor = new HeartbeatMonitor<>(TIMEOUT, timedOut::add, scheduler);

    @AfterEach
    void stop() {
        monitor.close();
        scheduler.shutdown();
    }

    @Test
    void silentTargetTimesOutOnceAfterTheTimeout() {
        monitor.monitorTarget("tm-1", NO_REQUESTS);

        scheduler.advance(TIMEOUT.minusMillis(1));
        assertEquals(List.of(), timedOut);

        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("tm-1"), timedOut);

        scheduler.advance(TIMEOUT.multipliedBy(10));
        assertEquals(List.of("tm-1"), timedOut);
        assertFalse(monitor.isMonitoring("tm-1"));
        assertFalse(monitor.receiveHeartbeat("tm-1"), "a timed-out target is no longer watched");
    }

    @Test
    void targetSendingHeartbeatsNeverTimesOut() {
        monitor.monitorTarget("tm-live", NO_REQUESTS);
        monitor.monitorTarget("tm-silent", NO_REQUESTS);

        for (int i = 0; i < 30; i++) {
            scheduler.advance(Duration.ofSeconds(10));
            assertTrue(monitor.receiveHeartbeat("tm-live"));
        }

        assertEquals(List.of("tm-silent"), timedOut);
        assertTrue(monitor.isMonitoring("tm-live"));
    }

    @Test
    void heartbeatRestartsTheTimeoutFromItsArrival() {
        monitor.monitorTarget("tm-1", NO_REQUESTS);
        scheduler.advance(Duration.ofSeconds(40));
        monitor.receiveHeartbeat("tm-1");

        scheduler.advance(Duration.ofSeconds(49));
        assertEquals(List.of(), timedOut);
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of("tm-1"), timedOut);
    }

    @Test
    void unmonitoredTargetIsNeverReported() {
        monitor.monitorTarget("tm-1", NO_REQUESTS);
        scheduler.advance(Duration.ofSeconds(20));
        monitor.unmonitorTarget("tm-1");

        scheduler.advance(TIMEOUT.multipliedBy(2));

        assertEquals(List.of(), timedOut);
        assertEquals(0, scheduler.scheduledTasks());
    }

    @Test
    void heartbeatFromUnknownTargetIsRejected() {
        assertFalse(monitor.receiveHeartbeat("tm-unknown"));
        assertEquals(-1, monitor.lastHeartbeat("tm-unknown"));
    }

    @Test
    void lastHeartbeatIsTheWallClockTimeOfTheLatestHeartbeat() {
        monitor.monitorTarget("tm-1", NO_REQUESTS);
        long before = System.currentTimeMillis();
        monitor.receiveHeartbeat("tm-1");
        long after = System.currentTimeMillis();

        long last = monitor.lastHeartbeat("tm-1");
        assertTrue(last >= before && last <= after, last + " not in [" + before + ", " + after + "]");
    }

    @Test
    void closeCancelsEveryTimer() {
        monitor.monitorTarget("tm-1", NO_REQUESTS);
        monitor.monitorTarget("tm-2", NO_REQUESTS);

        monitor.close();
        scheduler.advance(TIMEOUT.multipliedBy(2));

        assertEquals(List.of(), timedOut);
        assertEquals(0, scheduler.scheduledTasks());
        monitor.monitorTarget("tm-3", NO_REQUESTS);
        assertFalse(monitor.isMonitoring("tm-3"), "a closed monitor watches nothing");
    }

    @Test
    void reRegisteringATargetRestartsItsTimeoutOnce() {
        monitor.monitorTarget("tm-1", NO_REQUESTS);
        scheduler.advance(Duration.ofSeconds(30));
        monitor.monitorTarget("tm-1", NO_REQUESTS);

        scheduler.advance(Duration.ofSeconds(49));
        assertEquals(List.of(), timedOut);
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(List.of("tm-1"), timedOut);
    }
}
