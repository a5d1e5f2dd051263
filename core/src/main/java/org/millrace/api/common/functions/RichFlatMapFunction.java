package org.millrace.api.common.functions;

/** A {@link FlatMapFunction} with open/close and a runtime context. */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
}
