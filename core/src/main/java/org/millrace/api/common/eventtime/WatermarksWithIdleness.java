package org.millrace.api.common.eventtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator and declares the input idle once no event arrived for the idle timeout, so
 * consumers stop waiting for its watermark. The next event makes it active again. Idleness is
 * checked on the periodic emission, so it is noticed within one auto-watermark interval.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private long events;
    private long eventsAtLastCheck = -1;
    private long quietSinceNanos;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout) {
        this(watermarks, idleTimeout, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (tests pass a manual one) */
    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, LongSupplier nanoClock) {
        if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("The idle timeout must be positive, was " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.idleNanos = idleTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        events++;
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = nanoClock.getAsLong();
        if (events != eventsAtLastCheck) {
            eventsAtLastCheck = events;
            quietSinceNanos = now;
        } else if (!idle && now - quietSinceNanos >= idleNanos) {
            idle = true;
            output.markIdle();
        }
        if (!idle) {
            watermarks.onPeriodicEmit(output);
        }
    }
}
