package org.millrace.api.common.accumulators;

/** Counts with a {@code long}. */
public class LongCounter implements SimpleAccumulator<Long> {

    private static final long serialVersionUID = 1L;
    private long value;

    public LongCounter() {}

    public LongCounter(long value) {
        this.value = value;
    }

    @Override
    public void add(Long v) {
        value += v;
    }

    public void add(long v) {
        value += v;
    }

    @Override
    public Long getLocalValue() {
        return value;
    }

    @Override
    public void resetLocal() {
        value = 0;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        value += other.getLocalValue();
    }

    @Override
    public LongCounter clone() {
        return new LongCounter(value);
    }

    @Override
    public String toString() {
        return "LongCounter " + value;
    }
}
