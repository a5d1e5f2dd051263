package org.millrace.streaming.api.windowing.assigners;

import java.util.Collection;
import java.util.Collections;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/** What every session assigner does: a window {@code [t, t + gap)} per element, merged when they touch. */
final class SessionWindows {

    private SessionWindows() {}

    static Collection<TimeWindow> windowOf(long time, long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("A session gap must be positive, was " + gap + " ms");
        }
        return Collections.singletonList(new TimeWindow(time, time + gap));
    }

    static void checkEventTime(long timestamp) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has Long.MIN_VALUE timestamp (= no timestamp marker). Did you forget"
                    + " to call 'DataStream.assignTimestampsAndWatermarks(...)' or to give the source a WatermarkStrategy?");
        }
    }
}
