package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import org.millrace.streaming.api.windowing.triggers.EventTimeTrigger;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/**
 * Event-time sessions: each element opens {@code [ts, ts + gap)}; windows of a key that overlap
 * or touch merge into one session, which fires when the watermark passes its end.
 */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    protected final long sessionTimeout;

    protected EventTimeSessionWindows(long sessionTimeout) {
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("EventTimeSessionWindows needs a positive gap, was " + sessionTimeout);
        }
        this.sessionTimeout = sessionTimeout;
    }

    public static EventTimeSessionWindows withGap(Duration size) {
        return new EventTimeSessionWindows(size.toMillis());
    }

    /** Sessions whose gap {@code extractor} computes per element. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicEventTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        SessionWindows.checkEventTime(timestamp);
        return SessionWindows.windowOf(timestamp, sessionTimeout);
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + sessionTimeout + ")";
    }
}
