package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.millrace.streaming.api.windowing.triggers.EventTimeTrigger;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/**
 * Event-time windows of {@code size} starting every {@code slide}: an element belongs to
 * {@code size / slide} windows (rounded up), latest start first.
 */
public class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingEventTimeWindows(long size, long slide, long offset) {
        if (size <= 0 || slide <= 0 || Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("SlidingEventTimeWindows needs size > 0, slide > 0 and |offset| < slide");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis() % slide.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has Long.MIN_VALUE timestamp (= no timestamp marker). Did you forget"
                    + " to call 'DataStream.assignTimestampsAndWatermarks(...)' or to give the source a WatermarkStrategy?");
        }
        return SlidingWindows.assign(timestamp, size, slide, offset);
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
        return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
    }

    /** The windows of a sliding assigner holding {@code time}, latest start first. */
    static final class SlidingWindows {
        private SlidingWindows() {}

        static List<TimeWindow> assign(long time, long size, long slide, long offset) {
            List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
            long lastStart = TimeWindow.getWindowStartWithOffset(time, offset, slide);
            for (long start = lastStart; start > time - size; start -= slide) {
                windows.add(new TimeWindow(start, start + size));
            }
            return windows;
        }
    }
}
