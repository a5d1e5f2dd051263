package org.millrace.streaming.api.source;

/** {@code fromSequence(from, to)}: the longs {@code from..to} inclusive, split across subtasks. */
public final class NumberSequenceSource extends IndexedSource<Long> {

    private static final long serialVersionUID = 1L;
    private final long from;

    public NumberSequenceSource(long from, long to) {
        super(checkedCount(from, to));
        this.from = from;
    }

    private static long checkedCount(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("fromSequence: 'to' (" + to + ") must not be smaller than 'from' (" + from + ")");
        }
        return to - from + 1;
    }

    @Override
    protected Long recordAt(long index) {
        return from + index;
    }
}
