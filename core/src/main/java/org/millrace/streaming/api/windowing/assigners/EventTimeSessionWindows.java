package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;

/**
 * Event-time sessions: each element opens {@code [ts, ts + gap)}; windows of a key that overlap
 * or touch merge into one session, which fires when the watermark passes its end.
 */
public class EventTimeSessionWindows extends SessionWindows<Object> {

    private static final long serialVersionUID = 1L;

    protected final long sessionTimeout;

    protected EventTimeSessionWindows(long sessionTimeout) {
        super(true);
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("EventTimeSessionWindows needs a positive gap, was " + sessionTimeout);
        }
        this.sessionTimeout = sessionTimeout;
    }

    @Override
    long gapOf(Object element) {
        return sessionTimeout;
    }

    public static EventTimeSessionWindows withGap(Duration size) {
        return new EventTimeSessionWindows(size.toMillis());
    }

    /** Sessions whose gap {@code extractor} computes per element. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicEventTimeSessionWindows<>(extractor);
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + sessionTimeout + ")";
    }
}
