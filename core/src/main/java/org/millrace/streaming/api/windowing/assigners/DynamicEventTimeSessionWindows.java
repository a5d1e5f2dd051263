package org.millrace.streaming.api.windowing.assigners;

/** Event-time sessions with a gap computed per element. */
public class DynamicEventTimeSessionWindows<T> extends SessionWindows<T> {

    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

    protected DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        super(true);
        this.sessionWindowTimeGapExtractor = sessionWindowTimeGapExtractor;
    }

    @Override
    long gapOf(T element) {
        return sessionWindowTimeGapExtractor.extract(element);
    }

    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicEventTimeSessionWindows<>(extractor);
    }

    @Override
    public String toString() {
        return "DynamicEventTimeSessionWindows()";
    }
}
