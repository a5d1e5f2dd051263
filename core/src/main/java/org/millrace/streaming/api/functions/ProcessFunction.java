package org.millrace.streaming.api.functions;

import org.millrace.api.common.functions.AbstractRichFunction;
import org.millrace.util.Collector;

/**
 * The most general one-input function: sees each element with its context and emits any number
 * of outputs. Timers come with event-time support; this version offers the element's timestamp.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What a process function knows about the element being processed. */
    public abstract class Context {
        /** The element's timestamp, or null if it has none. */
        public abstract Long timestamp();
    }
}
