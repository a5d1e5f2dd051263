package org.millrace.streaming.api.windowing.windows;

/**
 * A group of elements a window function sees at once: a time interval, or the one global window.
 * Its {@link #maxTimestamp()} is the last time that belongs to it; event-time windows fire when
 * the watermark passes it. Windows are the namespaces of window state and timers, so they must
 * implement {@code equals} and {@code hashCode}.
 */
public abstract class Window {

    public abstract long maxTimestamp();
}
