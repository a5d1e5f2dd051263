package org.millrace.runtime.heartbeat;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active side of heartbeats: every {@code heartbeat.interval} asks each target of a
 * {@link HeartbeatMonitor} for a heartbeat. The JobManager runs one for its TaskManagers; the
 * TaskManager only monitors (counting each request as the JobManager's heartbeat) and answers.
 */
public final class HeartbeatSender<I> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatSender.class);

    private final HeartbeatMonitor<I> monitor;
    private final long intervalNanos;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> task;

    /** @param interval time between two requests to a target ({@link HeartbeatOptions#HEARTBEAT_INTERVAL}) */
    public HeartbeatSender(HeartbeatMonitor<I> monitor, Duration interval, ScheduledExecutorService scheduler) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, was " + interval);
        }
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.intervalNanos = interval.toNanos();
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Sends the first requests now, then one every interval. */
    public synchronized void start() {
        if (task != null) {
            throw new IllegalStateException("heartbeat sender already started");
        }
        task = scheduler.scheduleWithFixedDelay(this::requestHeartbeats, 0, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops sending; the monitor keeps watching until it is closed. */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void requestHeartbeats() {
        monitor.forEachTarget((id, target) -> {
            try {
                target.requestHeartbeat();
            } catch (RuntimeException e) {
                // one broken target must not stop the requests to the others (or cancel this periodic task)
                LOG.warn("Cannot request a heartbeat from {}: {}", id, e.toString());
            }
        });
    }
}
