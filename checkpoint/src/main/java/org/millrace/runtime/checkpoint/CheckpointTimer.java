package org.millrace.runtime.checkpoint;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Schedules the coordinator's triggers and timeouts; a seam so tests can drive time by hand. */
public interface CheckpointTimer {

    /** A scheduled action that can be called off. */
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Runnable action, long delayMillis);

    /** On a scheduled executor (the JobMaster's timer thread). */
    static CheckpointTimer of(ScheduledExecutorService executor) {
        return (action, delayMillis) -> {
            ScheduledFuture<?> future = executor.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
