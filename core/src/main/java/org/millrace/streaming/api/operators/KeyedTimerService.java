package org.millrace.streaming.api.operators;

import org.millrace.runtime.state.VoidNamespace;
import org.millrace.streaming.api.TimerService;

/**
 * The user's {@link TimerService} of a keyed process operator: timers of the backend's current
 * key, without a namespace.
 */
public final class KeyedTimerService implements TimerService {

    private final InternalTimerServiceImpl<?, VoidNamespace> timers;

    public KeyedTimerService(InternalTimerServiceImpl<?, VoidNamespace> timers) {
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}
