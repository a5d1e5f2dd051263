package org.millrace.streaming.api.windowing.assigners;

import java.util.Collection;
import org.millrace.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.TimeWindow;

/** Processing-time sessions with a gap computed per element. */
public class DynamicProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

    protected DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        this.sessionWindowTimeGapExtractor = sessionWindowTimeGapExtractor;
    }

    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicProcessingTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        return SessionWindows.windowOf(context.getCurrentProcessingTime(), sessionWindowTimeGapExtractor.extract(element));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "DynamicProcessingTimeSessionWindows()";
    }
}
