package org.millrace.streaming.api.operators;

/**
 * The timers of a keyed operator for its current key, in a namespace of the operator's choice
 * (the window, or {@code VoidNamespace}). Registering an existing (key, namespace, time) timer
 * again does nothing; deleting one that does not exist does nothing.
 */
public interface InternalTimerService<N> {

    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(N namespace, long time);

    void deleteProcessingTimeTimer(N namespace, long time);

    void registerEventTimeTimer(N namespace, long time);

    void deleteEventTimeTimer(N namespace, long time);
}
