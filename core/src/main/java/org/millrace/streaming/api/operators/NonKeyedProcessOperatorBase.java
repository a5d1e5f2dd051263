package org.millrace.streaming.api.operators;

import org.millrace.api.common.functions.Function;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.util.OutputTag;

/**
 * What the non-keyed process operators share ({@link ProcessOperator}; over two tagged inputs,
 * {@code CoBroadcastWithNonKeyedOperator}): the element being processed, its timestamp on what the
 * function emits, the last watermark seen, and side outputs. There are no timers, so a watermark
 * is only remembered and forwarded. Subclasses hand elements to their function and build its
 * contexts from the accessors here; the keyed counterpart is {@link KeyedProcessOperatorBase}.
 */
public abstract class NonKeyedProcessOperatorBase<IN, OUT, F extends Function> extends AbstractUdfOperator<F, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    protected final TimestampedCollector<OUT> collector;
    private final SideOutputs sideOutputs;
    private StreamRecord<IN> current;
    private long currentWatermark = Long.MIN_VALUE;

    protected NonKeyedProcessOperatorBase(StreamOperatorParameters<OUT> parameters, F function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.sideOutputs = new SideOutputs(output);
    }

    /** Hands {@code value} (the collector already stamped with its timestamp) to the function. */
    protected abstract void process(IN value) throws Exception;

    @Override
    public final void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        collector.setTimestampFrom(element);
        process(element.getValue());
        current = null;
    }

    @Override
    public final void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.getTimestamp();
        output.emitWatermark(mark);
    }

    /** The timestamp of the element being processed, or null if it has none. */
    protected final Long elementTimestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    /** The processing time now. */
    protected final long processingTime() {
        return parameters.getProcessingTimeService().getCurrentProcessingTime();
    }

    /** The last watermark received, {@code Long.MIN_VALUE} before the first. */
    protected final long lastWatermark() {
        return currentWatermark;
    }

    /** Emits to a side output with the timestamp of the element being processed. */
    protected final <X> void sideOutput(OutputTag<X> outputTag, X value) {
        sideOutputs.emit(outputTag, value, current);
    }
}
