package org.millrace.runtime.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.configuration.Configuration;

class HeartbeatSenderTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(50);

    private final ManualScheduledExecutor scheduler = new ManualScheduledExecutor();
    private final List<String> timedOut = new ArrayList<>();
    private final HeartbeatMonitor<String> monitor = new HeartbeatMonitor<>(TIMEOUT, timedOut::add, scheduler);
    private final HeartbeatSender<String> sender = new HeartbeatSender<>(monitor, INTERVAL, scheduler);

    @AfterEach
    void stop() {
        sender.close();
        monitor.close();
        scheduler.shutdown();
    }

    @Test
    void requestsAHeartbeatFromEveryTargetEachInterval() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        monitor.monitorTarget("tm-1", first::incrementAndGet);
        monitor.monitorTarget("tm-2", second::incrementAndGet);

        sender.start();
        scheduler.advance(Duration.ZERO);
        assertEquals(1, first.get());
        assertEquals(1, second.get());

        scheduler.advance(INTERVAL.multipliedBy(3));
        assertEquals(4, first.get());
        assertEquals(4, second.get());
    }

    @Test
    void targetAnsweringRequestsStaysAliveWhileASilentOneTimesOut() {
        monitor.monitorTarget("tm-answering", () -> monitor.receiveHeartbeat("tm-answering"));
        monitor.monitorTarget("tm-silent", () -> {});
        sender.start();

        scheduler.advance(TIMEOUT.multipliedBy(5));

        assertEquals(List.of("tm-silent"), timedOut);
    }

    @Test
    void failingTargetDoesNotStopRequestsToTheOthers() {
        AtomicInteger requests = new AtomicInteger();
        monitor.monitorTarget("tm-broken", () -> {
            throw new IllegalStateException("no route");
        });
        monitor.monitorTarget("tm-ok", requests::incrementAndGet);
        sender.start();

        scheduler.advance(INTERVAL.multipliedBy(2));

        assertEquals(3, requests.get());
    }

    @Test
    void closedSenderSendsNoMoreRequests() {
        AtomicInteger requests = new AtomicInteger();
        monitor.monitorTarget("tm-1", requests::incrementAndGet);
        sender.start();
        scheduler.advance(INTERVAL);
        int sent = requests.get();

        sender.close();
        scheduler.advance(INTERVAL.multipliedBy(3));

        assertEquals(sent, requests.get());
    }

    @Test
    void optionsUseFlinksKeysAndDefaults() {
        assertEquals("heartbeat.interval", HeartbeatOptions.HEARTBEAT_INTERVAL.key());
        assertEquals("heartbeat.timeout", HeartbeatOptions.HEARTBEAT_TIMEOUT.key());
        Configuration defaults = new Configuration();
        assertEquals(Duration.ofSeconds(10), defaults.get(HeartbeatOptions.HEARTBEAT_INTERVAL));
        assertEquals(Duration.ofSeconds(50), defaults.get(HeartbeatOptions.HEARTBEAT_TIMEOUT));

        Configuration flinkStyle = new Configuration();
        flinkStyle.setString("heartbeat.timeout", "180000"); // Flink's milliseconds form
        assertEquals(Duration.ofMinutes(3), flinkStyle.get(HeartbeatOptions.HEARTBEAT_TIMEOUT));
    }
}
