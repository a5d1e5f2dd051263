package org.millrace.runtime.heartbeat;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches processes for heartbeats and tells its {@link HeartbeatListener} about the one that stays
 * silent for {@code heartbeat.timeout}. Independent of the transport: the owner calls
 * {@link #receiveHeartbeat} whenever a heartbeat (or any sign of life it chooses to count) arrives.
 *
 * <pre>
 *   monitorTarget(id) ──> watched ──receiveHeartbeat(id)──> watched (timer restarts)
 *                            │ timeout passes                 │ unmonitorTarget(id) / close()
 *                            ▼                                ▼
 *              notifyHeartbeatTimeout(id), then unwatched    unwatched, no notification
 * </pre>
 *
 * Thread-safe; timers run on the given scheduler, so tests drive time with a manual one. A
 * {@link HeartbeatSender} adds the periodic requests to each watched target.
 *
 * @param <I> how the owner identifies a process, e.g. a TaskManager's ResourceID string
 */
public final class HeartbeatMonitor<I> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatMonitor.class);

    private final long timeoutNanos;
    private final HeartbeatListener<I> listener;
    private final ScheduledExecutorService scheduler;
    private final Map<I, Watched> targets = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param timeout silence after which a target counts as lost ({@link HeartbeatOptions#HEARTBEAT_TIMEOUT}) */
    public HeartbeatMonitor(Duration timeout, HeartbeatListener<I> listener, ScheduledExecutorService scheduler) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("heartbeat timeout must be positive, was " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Starts watching {@code id} (replacing an earlier registration of it); its timeout counts from now. */
    public void monitorTarget(I id, HeartbeatTarget target) {
        Watched watched = new Watched(Objects.requireNonNull(id, "id"), Objects.requireNonNull(target, "target"));
        Watched previous = targets.put(id, watched);
        if (previous != null) {
            previous.stop();
        }
        if (closed) {
            targets.remove(id, watched);
            return;
        }
        watched.restartTimer();
    }

    /** Stops watching {@code id}; no timeout is reported for it afterwards. */
    public void unmonitorTarget(I id) {
        Watched watched = targets.remove(id);
        if (watched != null) {
            watched.stop();
        }
    }

    /**
     * Records a heartbeat from {@code id}, restarting its timeout.
     *
     * @return false if {@code id} is not watched (never registered, unmonitored or already timed out)
     */
    public boolean receiveHeartbeat(I id) {
        Watched watched = targets.get(id);
        if (watched == null) {
            return false;
        }
        watched.lastHeartbeatMillis = System.currentTimeMillis();
        watched.restartTimer();
        return true;
    }

    /** Wall-clock time (epoch milliseconds) of the last heartbeat from {@code id}, or of its registration; -1 if not watched. */
    public long lastHeartbeat(I id) {
        Watched watched = targets.get(id);
        return watched == null ? -1 : watched.lastHeartbeatMillis;
    }

    public boolean isMonitoring(I id) {
        return targets.containsKey(id);
    }

    /** Calls {@code action} for each watched target (a weakly consistent view). */
    void forEachTarget(BiConsumer<I, HeartbeatTarget> action) {
        targets.forEach((id, watched) -> action.accept(id, watched.target));
    }

    /** Stops watching every target; no timeout is reported afterwards. */
    @Override
    public void close() {
        closed = true;
        for (I id : targets.keySet()) {
            unmonitorTarget(id);
        }
    }

    /** One watched target and its timer. */
    private final class Watched {
        final I id;
        final HeartbeatTarget target;
        volatile long lastHeartbeatMillis = System.currentTimeMillis();
        /** Guarded by this. */
        private ScheduledFuture<?> timer;
        /** Guarded by this: which timer is current, so a timer that fires while being replaced does nothing. */
        private long generation;
        /** Guarded by this. */
        private boolean stopped;

        Watched(I id, HeartbeatTarget target) {
            this.id = id;
            this.target = target;
        }

        synchronized void restartTimer() {
            if (stopped) {
                return;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            long current = ++generation;
            timer = scheduler.schedule(() -> expire(current), timeoutNanos, TimeUnit.NANOSECONDS);
        }

        synchronized void stop() {
            stopped = true;
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void expire(long timerGeneration) {
            synchronized (this) {
                if (stopped || timerGeneration != generation) {
                    return;
                }
                stopped = true;
                timer = null;
            }
            if (!targets.remove(id, this)) {
                return;
            }
            LOG.debug("No heartbeat from {} within {} ms", id, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            try {
                listener.notifyHeartbeatTimeout(id);
            } catch (RuntimeException e) {
                LOG.error("Heartbeat timeout listener failed for {}", id, e);
            }
        }
    }
}
