package org.millrace.streaming.api.operators.co;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.streaming.api.functions.co.ProcessJoinFunction;
import org.millrace.streaming.api.operators.KeyedProcessOperatorBase;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.util.OutputTag;

/**
 * The interval join of two keyed inputs (tagged and unioned, see {@code ConnectedStreams}): per
 * key, each input's elements are buffered by timestamp; an element is joined with the buffered
 * elements of the other input whose timestamps lie in its interval, then buffered itself. An
 * element behind the watermark is late and dropped. A buffered element is removed once the
 * watermark has passed the last time a partner could arrive for it (its timestamp plus its upper
 * bound), by an event-time timer of its key.
 *
 * <pre>
 *   left at t joins right in [t + lower, t + upper]      right at t joins left in [t - upper, t - lower]
 * </pre>
 */
public final class IntervalJoinOperator<K, T1, T2, OUT>
        extends KeyedProcessOperatorBase<K, TaggedUnion<T1, T2>, OUT, ProcessJoinFunction<T1, T2, OUT>> {

    private final long lowerBound;
    private final long upperBound;
    private final ValueStateDescriptor<Map<Long, List<T1>>> leftDescriptor;
    private final ValueStateDescriptor<Map<Long, List<T2>>> rightDescriptor;
    private final ContextImpl context;
    private ValueState<Map<Long, List<T1>>> leftBuffer;
    private ValueState<Map<Long, List<T2>>> rightBuffer;

    /** @param lowerBound inclusive, in ms; @param upperBound inclusive, in ms, at least {@code lowerBound} */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public IntervalJoinOperator(StreamOperatorParameters<OUT> parameters, ProcessJoinFunction<T1, T2, OUT> function,
            long lowerBound, long upperBound, TypeInformation<T1> leftType, TypeInformation<T2> rightType) {
        super(parameters, function);
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("The lower bound of an interval join must not exceed its upper bound: "
                    + lowerBound + " > " + upperBound);
        }
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.leftDescriptor = new ValueStateDescriptor<>("interval-join-left", (TypeInformation) Types.MAP(Types.LONG, Types.LIST(leftType)));
        this.rightDescriptor = new ValueStateDescriptor<>("interval-join-right", (TypeInformation) Types.MAP(Types.LONG, Types.LIST(rightType)));
        this.context = new ContextImpl(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        leftBuffer = parameters.getRuntimeContext().getState(leftDescriptor);
        rightBuffer = parameters.getRuntimeContext().getState(rightDescriptor);
    }

    @Override
    protected void process(TaggedUnion<T1, T2> value) throws Exception {
        Long timestamp = elementTimestamp();
        if (timestamp == null) {
            throw new IllegalStateException("An interval join needs elements with timestamps: give the sources a"
                    + " WatermarkStrategy or call assignTimestampsAndWatermarks");
        }
        long ts = timestamp;
        long watermark = timerService().currentWatermark();
        if (watermark != Long.MIN_VALUE && ts < watermark) {
            return; // late
        }
        if (value.isOne()) {
            T1 left = value.getOne();
            for (Map.Entry<Long, List<T2>> bucket : range(rightBuffer.value(), ts + lowerBound, ts + upperBound)) {
                for (T2 right : bucket.getValue()) {
                    emit(left, ts, right, bucket.getKey());
                }
            }
            leftBuffer.update(buffer(leftBuffer.value(), ts, left));
            timerService().registerEventTimeTimer(ts + Math.max(upperBound, 0));
        } else {
            T2 right = value.getTwo();
            for (Map.Entry<Long, List<T1>> bucket : range(leftBuffer.value(), ts - upperBound, ts - lowerBound)) {
                for (T1 left : bucket.getValue()) {
                    emit(left, bucket.getKey(), right, ts);
                }
            }
            rightBuffer.update(buffer(rightBuffer.value(), ts, right));
            timerService().registerEventTimeTimer(ts + Math.max(-lowerBound, 0));
        }
    }

    /** Removes the buffered elements of the timer's key that can no longer find a partner. */
    @Override
    protected void onTimer(long timestamp) throws Exception {
        Map<Long, List<T1>> left = leftBuffer.value();
        if (left != null) {
            ((NavigableMap<Long, List<T1>>) left).headMap(timestamp - Math.max(upperBound, 0), true).clear();
            leftBuffer.update(left.isEmpty() ? null : left);
        }
        Map<Long, List<T2>> right = rightBuffer.value();
        if (right != null) {
            ((NavigableMap<Long, List<T2>>) right).headMap(timestamp - Math.max(-lowerBound, 0), true).clear();
            rightBuffer.update(right.isEmpty() ? null : right);
        }
    }

    private void emit(T1 left, long leftTs, T2 right, long rightTs) throws Exception {
        context.leftTs = leftTs;
        context.rightTs = rightTs;
        collector.setAbsoluteTimestamp(Math.max(leftTs, rightTs));
        userFunction.processElement(left, right, context, collector);
    }

    private static <T> Iterable<Map.Entry<Long, List<T>>> range(Map<Long, List<T>> buffer, long from, long to) {
        if (buffer == null) {
            return List.of();
        }
        return ((NavigableMap<Long, List<T>>) buffer).subMap(from, true, to, true).entrySet();
    }

    private static <T> Map<Long, List<T>> buffer(Map<Long, List<T>> buffer, long ts, T value) {
        Map<Long, List<T>> map = buffer == null ? new TreeMap<>() : buffer;
        map.computeIfAbsent(ts, t -> new ArrayList<>(2)).add(value);
        return map;
    }

    private final class ContextImpl extends ProcessJoinFunction<T1, T2, OUT>.Context {
        long leftTs;
        long rightTs;

        ContextImpl(ProcessJoinFunction<T1, T2, OUT> function) {
            function.super();
        }

        @Override
        public long getLeftTimestamp() {
            return leftTs;
        }

        @Override
        public long getRightTimestamp() {
            return rightTs;
        }

        @Override
        public long getTimestamp() {
            return Math.max(leftTs, rightTs);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value, getTimestamp());
        }
    }
}
