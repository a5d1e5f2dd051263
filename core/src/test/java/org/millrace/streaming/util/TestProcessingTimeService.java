package org.millrace.streaming.util;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.millrace.streaming.runtime.tasks.ProcessingTimeService;

/**
 * A processing-time service for tests: time stands still until {@link #setCurrentTime} moves it,
 * which runs the due callbacks in the calling thread, in time order (as the task's mailbox would).
 */
public final class TestProcessingTimeService implements ProcessingTimeService {

    private long currentTime;
    private final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public long getCurrentProcessingTime() {
        return currentTime;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
        Scheduled s = new Scheduled(timestamp, 0, callback);
        scheduled.add(s);
        return s;
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
        Scheduled s = new Scheduled(currentTime + initialDelayMillis, periodMillis, callback);
        scheduled.add(s);
        return s;
    }

    /** Moves the clock to {@code time}, running every callback that comes due on the way. */
    public void setCurrentTime(long time) throws Exception {
        while (true) {
            Scheduled next = scheduled.stream().filter(s -> !s.cancelled && s.time <= time)
                    .min(Comparator.comparingLong(s -> s.time)).orElse(null);
            if (next == null) {
                break;
            }
            currentTime = Math.max(currentTime, next.time);
            if (next.period > 0) {
                next.time += next.period;
            } else {
                scheduled.remove(next);
                next.done = true;
            }
            next.callback.onProcessingTime(currentTime);
        }
        currentTime = time;
        scheduled.removeIf(s -> s.cancelled);
    }

    /** Callbacks still pending (not cancelled). */
    public int getNumActiveTimers() {
        return (int) scheduled.stream().filter(s -> !s.cancelled).count();
    }

    private static final class Scheduled implements ScheduledFuture<Object> {
        long time;
        final long period;
        final ProcessingTimeCallback callback;
        boolean cancelled;
        boolean done;

        Scheduled(long time, long period, ProcessingTimeCallback callback) {
            this.time = time;
            this.period = period;
            this.callback = callback;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
