package org.millrace.streaming.api.functions.co;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/**
 * Called for every pair of an interval join ({@code left.intervalJoin(right).between(lower, upper)}):
 * a left and a right element with the same key whose timestamps satisfy
 * {@code left + lower <= right <= left + upper}. What it emits carries the larger of the two
 * timestamps.
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** The timestamps of the pair being joined. */
    public abstract class Context {
        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** The timestamp of what is emitted: the larger of the two. */
        public abstract long getTimestamp();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
