package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link KeyedProcessFunction} with keyed state scoped to each element's key. */
public final class KeyedProcessOperator<K, IN, OUT> extends AbstractUdfOperator<KeyedProcessFunction<K, IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    private final TimestampedCollector<OUT> collector;
    private final KeyContext<IN, K> keyContext;
    private final ContextImpl context;
    private StreamRecord<IN> current;

    public KeyedProcessOperator(StreamOperatorParameters<OUT> parameters, KeyedProcessFunction<K, IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.keyContext = new KeyContext<>(parameters);
        this.context = new ContextImpl(function);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        keyContext.setCurrentKeyOf(element.getValue());
        collector.setTimestampFrom(element);
        userFunction.processElement(element.getValue(), context, collector);
    }

    private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
        ContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return current.hasTimestamp() ? current.getTimestamp() : null;
        }

        @Override
        public K getCurrentKey() {
            return keyContext.getCurrentKey();
        }
    }
}
