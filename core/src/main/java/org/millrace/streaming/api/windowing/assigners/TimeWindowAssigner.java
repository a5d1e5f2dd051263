package org.millrace.streaming.api.windowing.assigners;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.millrace.streaming.api.windowing.triggers.EventTimeTrigger;
import org.millrace.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/**
 * What the tumbling and sliding assigners share: the windows of an element are those holding its
 * timestamp (event time, which it must have) or the clock (processing time), and the default
 * trigger is the matching clock's. The public assigners differ only in the windows of a time.
 * The session assigners ({@link SessionWindows}) merge, so they use only the static helpers here.
 */
abstract class TimeWindowAssigner extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final boolean eventTime;

    TimeWindowAssigner(boolean eventTime) {
        this.eventTime = eventTime;
    }

    /** The windows holding {@code time}. */
    abstract Collection<TimeWindow> windowsAt(long time);

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return windowsAt(eventTime ? checkEventTime(timestamp) : context.getCurrentProcessingTime());
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return defaultTrigger(eventTime);
    }

    @Override
    public boolean isEventTime() {
        return eventTime;
    }

    /** The trigger that fires a window when the watermark ({@code eventTime}) or the clock passes its end. */
    static Trigger<Object, TimeWindow> defaultTrigger(boolean eventTime) {
        return eventTime ? EventTimeTrigger.create() : ProcessingTimeTrigger.create();
    }

    /** Returns {@code timestamp}; fails if it is the marker of an element without one. */
    static long checkEventTime(long timestamp) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has Long.MIN_VALUE timestamp (= no timestamp marker). Did you forget"
                    + " to call 'DataStream.assignTimestampsAndWatermarks(...)' or to give the source a WatermarkStrategy?");
        }
        return timestamp;
    }

    /** The windows of a sliding assigner holding {@code time}, latest start first. */
    static List<TimeWindow> slidingWindows(long time, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.getWindowStartWithOffset(time, offset, slide);
        for (long start = lastStart; start > time - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }
}
