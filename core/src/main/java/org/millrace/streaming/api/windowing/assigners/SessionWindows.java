package org.millrace.streaming.api.windowing.assigners;

import java.util.Collection;
import java.util.Collections;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/**
 * What every session assigner does: a window {@code [t, t + gap)} per element, merged when they
 * touch, where {@code t} is the element's timestamp (event time) or the clock (processing time)
 * and the gap is fixed or computed per element. The public assigners differ only in the gap and
 * the clock.
 */
abstract class SessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final boolean eventTime;

    SessionWindows(boolean eventTime) {
        this.eventTime = eventTime;
    }

    /** The gap of the session that {@code element} opens, in milliseconds. */
    abstract long gapOf(T element);

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        long start = eventTime ? TimeWindowAssigner.checkEventTime(timestamp) : context.getCurrentProcessingTime();
        return windowOf(start, gapOf(element));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) TimeWindowAssigner.defaultTrigger(eventTime);
    }

    @Override
    public boolean isEventTime() {
        return eventTime;
    }

    static Collection<TimeWindow> windowOf(long time, long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("A session gap must be positive, was " + gap + " ms");
        }
        return Collections.singletonList(new TimeWindow(time, time + gap));
    }
}
