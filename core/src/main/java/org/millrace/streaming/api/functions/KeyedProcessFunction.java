package org.millrace.streaming.api.functions;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.util.Collector;

/**
 * A process function on a keyed stream: it may use keyed state through
 * {@code getRuntimeContext().getState(...)}, scoped to the key of the current element.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What a keyed process function knows about the element being processed. */
    public abstract class Context {
        /** The element's timestamp, or null if it has none. */
        public abstract Long timestamp();

        /** The key of the element being processed. */
        public abstract K getCurrentKey();
    }
}
