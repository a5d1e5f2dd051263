package org.millrace.streaming.api.operators;

import org.millrace.api.common.functions.Function;
import org.millrace.runtime.state.KeyedStateBackend;
import org.millrace.runtime.state.VoidNamespace;
import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.TimerService;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.util.OutputTag;

/**
 * What the keyed process operators share ({@link KeyedProcessOperator}; over two tagged inputs,
 * {@code KeyedCoProcessOperator}, {@code IntervalJoinOperator} and
 * {@code CoBroadcastWithKeyedOperator}): keyed state scoped to each element's key, the key's
 * timers, and side outputs. A watermark first fires the event-time timers it passes, then goes
 * downstream; what a timer emits carries the timer's timestamp (event time) or none (processing
 * time). Subclasses hand elements and timers to their function and build its contexts from the
 * accessors here.
 */
public abstract class KeyedProcessOperatorBase<K, IN, OUT, F extends Function> extends AbstractUdfOperator<F, OUT>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {

    protected final TimestampedCollector<OUT> collector;
    private final KeyContext<IN, K> keyContext;
    private final InternalTimerServiceImpl<K, VoidNamespace> timers;
    private final TimerService timerService;
    private final SideOutputs sideOutputs;
    private StreamRecord<IN> current;
    private TimeDomain firingDomain;
    private long firingTimestamp;

    protected KeyedProcessOperatorBase(StreamOperatorParameters<OUT> parameters, F function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.keyContext = new KeyContext<>(parameters);
        this.timers = new InternalTimerServiceImpl<>(keyContext.getBackend(), parameters.getProcessingTimeService(), this);
        try {
            timers.includeInSnapshots("_timers", org.millrace.runtime.state.VoidNamespaceSerializer.INSTANCE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.timerService = new KeyedTimerService(timers);
        this.sideOutputs = new SideOutputs(output);
    }

    /** Hands {@code value} (its key already current, the collector stamped) to the function. */
    protected abstract void process(IN value) throws Exception;

    /** Hands a firing timer to the function; {@link #firingDomain()} tells which clock. */
    protected abstract void onTimer(long timestamp) throws Exception;

    /** False for elements that have no key (the broadcast side of a broadcast connection); true by default. */
    protected boolean isKeyed(IN value) {
        return true;
    }

    @Override
    public final void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        if (isKeyed(element.getValue())) {
            keyContext.setCurrentKeyOf(element.getValue());
        }
        collector.setTimestampFrom(element);
        try {
            process(element.getValue());
        } finally {
            current = null;
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        timers.advanceWatermark(mark.getTimestamp());
        output.emitWatermark(mark);
    }

    @Override
    public final void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer.getTimestamp(), TimeDomain.EVENT_TIME);
    }

    @Override
    public final void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer.getTimestamp(), TimeDomain.PROCESSING_TIME);
    }

    private void fire(long timestamp, TimeDomain domain) throws Exception {
        firingDomain = domain;
        firingTimestamp = timestamp;
        try {
            onTimer(timestamp);
        } finally {
            firingDomain = null;
        }
    }

    /** The timestamp of the element being processed, or null if it has none. */
    protected final Long elementTimestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    /** The firing timer's timestamp for an event-time timer, null for a processing-time one. */
    protected final Long timerTimestamp() {
        return firingDomain == TimeDomain.EVENT_TIME ? firingTimestamp : null;
    }

    protected final TimeDomain firingDomain() {
        return firingDomain;
    }

    /** Timers of the current key. */
    protected final TimerService timerService() {
        return timerService;
    }

    /** The key of the element being processed or of the firing timer. */
    protected final K currentKey() {
        return keyContext.getCurrentKey();
    }

    /** The keyed state of this operator instance. */
    protected final KeyedStateBackend<K> keyedStateBackend() {
        return keyContext.getBackend();
    }

    /** Emits to a side output with the element's timestamp (while processing) or the timer's (while firing). */
    protected final <X> void sideOutput(OutputTag<X> outputTag, X value) {
        if (current != null) {
            sideOutputs.emit(outputTag, value, current);
        } else {
            sideOutputs.emit(outputTag, value, timerTimestamp());
        }
    }

    /** Emits to a side output with {@code timestamp} (null: none). */
    protected final <X> void sideOutput(OutputTag<X> outputTag, X value, Long timestamp) {
        sideOutputs.emit(outputTag, value, timestamp);
    }

    /** The keyed timer service, for tests. */
    InternalTimerServiceImpl<K, VoidNamespace> getInternalTimerService() {
        return timers;
    }
}
