package org.millrace.streaming.api.windowing.assigners;

import java.time.Duration;

/** Sessions of wall-clock time: a session ends after {@code gap} without elements of its key. */
public class ProcessingTimeSessionWindows extends SessionWindows<Object> {

    private static final long serialVersionUID = 1L;

    private final long sessionTimeout;

    private ProcessingTimeSessionWindows(long sessionTimeout) {
        super(false);
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("ProcessingTimeSessionWindows needs a positive gap, was " + sessionTimeout);
        }
        this.sessionTimeout = sessionTimeout;
    }

    @Override
    long gapOf(Object element) {
        return sessionTimeout;
    }

    public static ProcessingTimeSessionWindows withGap(Duration size) {
        return new ProcessingTimeSessionWindows(size.toMillis());
    }

    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicProcessingTimeSessionWindows<>(extractor);
    }

    @Override
    public String toString() {
        return "ProcessingTimeSessionWindows(" + sessionTimeout + ")";
    }
}
