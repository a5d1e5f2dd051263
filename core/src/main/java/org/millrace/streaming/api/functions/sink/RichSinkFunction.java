package org.millrace.streaming.api.functions.sink;

import org.millrace.api.common.functions.AbstractRichFunction;

/** A {@link SinkFunction} with open/close and a runtime context. */
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {
    private static final long serialVersionUID = 1L;
}
