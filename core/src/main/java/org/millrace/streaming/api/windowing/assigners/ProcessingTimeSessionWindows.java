package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import org.millrace.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/** Sessions of wall-clock time: a session ends after {@code gap} without elements of its key. */
public class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long sessionTimeout;

    private ProcessingTimeSessionWindows(long sessionTimeout) {
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("ProcessingTimeSessionWindows needs a positive gap, was " + sessionTimeout);
        }
        this.sessionTimeout = sessionTimeout;
    }

    public static ProcessingTimeSessionWindows withGap(Duration size) {
        return new ProcessingTimeSessionWindows(size.toMillis());
    }

    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicProcessingTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return SessionWindows.windowOf(context.getCurrentProcessingTime(), sessionTimeout);
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "ProcessingTimeSessionWindows(" + sessionTimeout + ")";
    }
}
