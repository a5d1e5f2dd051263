package org.millrace.streaming.api.operators.co;

/**
 * An element of one of two connected inputs, marked with which: how two streams travel as one
 * (through one union of channels, whose watermark valve then computes the minimum over both
 * inputs) to a two-input operator. Immutable.
 */
public final class TaggedUnion<T1, T2> {

    private final T1 one;
    private final T2 two;
    private final boolean isOne;

    private TaggedUnion(T1 one, T2 two, boolean isOne) {
        this.one = one;
        this.two = two;
        this.isOne = isOne;
    }

    public static <T1, T2> TaggedUnion<T1, T2> one(T1 value) {
        return new TaggedUnion<>(value, null, true);
    }

    public static <T1, T2> TaggedUnion<T1, T2> two(T2 value) {
        return new TaggedUnion<>(null, value, false);
    }

    public boolean isOne() {
        return isOne;
    }

    public T1 getOne() {
        return one;
    }

    public T2 getTwo() {
        return two;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaggedUnion<?, ?> u && u.isOne == isOne
                && java.util.Objects.equals(isOne ? one : two, isOne ? u.one : u.two);
    }

    @Override
    public int hashCode() {
        return (isOne ? 1 : 2) * 31 + java.util.Objects.hashCode(isOne ? one : two);
    }

    @Override
    public String toString() {
        return (isOne ? "1:" : "2:") + (isOne ? one : two);
    }
}
