package org.millrace.api.common.accumulators;

/** Counts with an {@code int}. */
public class IntCounter implements SimpleAccumulator<Integer> {

    private static final long serialVersionUID = 1L;
    private int value;

    public IntCounter() {}

    public IntCounter(int value) {
        this.value = value;
    }

    @Override
    public void add(Integer v) {
        value += v;
    }

    public void add(int v) {
        value += v;
    }

    @Override
    public Integer getLocalValue() {
        return value;
    }

    @Override
    public void resetLocal() {
        value = 0;
    }

    @Override
    public void merge(Accumulator<Integer, Integer> other) {
        value += other.getLocalValue();
    }

    @Override
    public IntCounter clone() {
        return new IntCounter(value);
    }

    @Override
    public String toString() {
        return "IntCounter " + value;
    }
}
