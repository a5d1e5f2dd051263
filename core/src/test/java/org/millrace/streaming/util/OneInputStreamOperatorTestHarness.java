package org.millrace.streaming.util;

import org.millrace.runtime.state.OperatorStateStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.runtime.state.KeyGroupRangeAssignment;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.operators.StreamOperatorFactory;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.streaming.api.operators.StreamingRuntimeContext;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamElement;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.millrace.util.OutputTag;

/**
 * Runs one operator without a task: feed it records, watermarks and processing time, read back
 * exactly what it emitted (records with their timestamps, watermarks, statuses) and what went to
 * each side output. Processing time is a {@link TestProcessingTimeService} the test moves.
 *
 * <pre>{@code
 * var h = new OneInputStreamOperatorTestHarness<>(factory, keySelector);
 * h.open();
 * h.processElement("a", 10); h.processWatermark(20);
 * assertEquals(List.of(...), h.getOutput());
 * var state = h.snapshot(1);                       // then, as after a failure:
 * var restored = new OneInputStreamOperatorTestHarness<>(factory, keySelector);
 * restored.initializeState(state); restored.open();
 * }</pre>
 */
public final class OneInputStreamOperatorTestHarness<IN, OUT> implements AutoCloseable {

    private final List<StreamElement> output = new ArrayList<>();
    private final Map<OutputTag<?>, List<StreamRecord<?>>> sideOutputs = new HashMap<>();
    private final TestProcessingTimeService processingTime = new TestProcessingTimeService();
    private final OneInputStreamOperator<IN, OUT> operator;
    private final StreamingRuntimeContext context;
    private boolean closed;

    /** What {@link #snapshot} took: the keyed state file's bytes (or null) and the operator state. */
    public record Snapshot(byte[] keyedState, byte[] operatorState) {}

    public OneInputStreamOperatorTestHarness(StreamOperatorFactory<OUT> factory, KeySelector<IN, ?> keySelector) {
        this(factory, keySelector, RuntimeExecutionMode.STREAMING, 200);
    }

    @SuppressWarnings("unchecked")
    public OneInputStreamOperatorTestHarness(StreamOperatorFactory<OUT> factory, KeySelector<IN, ?> keySelector,
            RuntimeExecutionMode mode, long autoWatermarkIntervalMillis) {
        int maxParallelism = KeyGroupRangeAssignment.DEFAULT_LOWER_BOUND_MAX_PARALLELISM;
        StreamingRuntimeContext context = new StreamingRuntimeContext("test", 0, 1, maxParallelism, 0,
                getClass().getClassLoader(), new HashMap<>());
        StreamOperatorParameters<OUT> params = new StreamOperatorParameters<>("test operator", new CollectingOutput(), context,
                keySelector, mode, processingTime, autoWatermarkIntervalMillis);
        this.operator = (OneInputStreamOperator<IN, OUT>) factory.createStreamOperator(params);
        this.context = context;
    }

    /**
     * Takes the operator's part of checkpoint {@code checkpointId} as a task would (after
     * {@code prepareSnapshotPreBarrier}): its keyed state as the file the backend writes, and its
     * operator state.
     */
    public Snapshot snapshot(long checkpointId) throws Exception {
        operator.prepareSnapshotPreBarrier(checkpointId);
        OperatorStateStore operatorState = new OperatorStateStore();
        operator.snapshotState(checkpointId, operatorState);
        java.io.ByteArrayOutputStream operatorBytes = new java.io.ByteArrayOutputStream();
        operatorState.write(operatorBytes);
        byte[] keyed = null;
        if (context.getKeyedStateBackend() != null) {
            java.io.ByteArrayOutputStream keyedBytes = new java.io.ByteArrayOutputStream();
            context.getKeyedStateBackend().snapshot(keyedBytes);
            keyed = keyedBytes.toByteArray();
        }
        return new Snapshot(keyed, operatorBytes.toByteArray());
    }

    /** Gives this (fresh, not yet opened) operator the state of {@code snapshot}, as a restoring task would. */
    public void initializeState(Snapshot snapshot) throws Exception {
        if (snapshot.keyedState() != null) {
            context.getKeyedStateBackend().restore(new java.io.ByteArrayInputStream(snapshot.keyedState()), "snapshot");
        }
        OperatorStateStore stored = OperatorStateStore.read(new java.io.ByteArrayInputStream(snapshot.operatorState()), "snapshot");
        operator.initializeState(OperatorStateStore.redistribute(java.util.List.of(stored), true, 0, 1));
    }

    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        operator.notifyCheckpointComplete(checkpointId);
    }

    /** The keyed state backend the operator created, or null for an operator without keyed state. */
    public org.millrace.runtime.state.KeyedStateBackend<?> getKeyedStateBackend() {
        return context.getKeyedStateBackend();
    }

    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }

    public void open() throws Exception {
        operator.open();
    }

    public void processElement(IN value, long timestamp) throws Exception {
        operator.processElement(new StreamRecord<>(value, timestamp));
    }

    public void processElementWithoutTimestamp(IN value) throws Exception {
        operator.processElement(new StreamRecord<>(value));
    }

    public void processWatermark(long timestamp) throws Exception {
        operator.processWatermark(new Watermark(timestamp));
    }

    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        operator.processWatermarkStatus(status);
    }

    public void setProcessingTime(long time) throws Exception {
        processingTime.setCurrentTime(time);
    }

    public TestProcessingTimeService getProcessingTimeService() {
        return processingTime;
    }

    /** Ends the input as a task would: the final watermark, then finish. */
    public void endInput() throws Exception {
        operator.processWatermark(Watermark.MAX_WATERMARK);
        operator.finish();
    }

    /** Everything emitted on the main output, in order. */
    public List<StreamElement> getOutput() {
        return output;
    }

    /** The values of the records on the main output, in order. */
    @SuppressWarnings("unchecked")
    public List<OUT> extractOutputValues() {
        List<OUT> values = new ArrayList<>();
        for (StreamElement e : output) {
            if (e.isRecord()) {
                values.add((OUT) e.asRecord().getValue());
            }
        }
        return values;
    }

    /** The records on the main output as "value@timestamp" strings, in order. */
    public List<String> extractTimestampedOutput() {
        List<String> values = new ArrayList<>();
        for (StreamElement e : output) {
            if (e.isRecord()) {
                StreamRecord<?> r = e.asRecord();
                values.add(r.getValue() + (r.hasTimestamp() ? "@" + r.getTimestamp() : ""));
            }
        }
        return values;
    }

    /** The timestamps of the watermarks on the main output, in order. */
    public List<Long> extractWatermarks() {
        List<Long> marks = new ArrayList<>();
        for (StreamElement e : output) {
            if (e.isWatermark()) {
                marks.add(e.asWatermark().getTimestamp());
            }
        }
        return marks;
    }

    /** The values sent to {@code tag}, in order. */
    @SuppressWarnings("unchecked")
    public <X> List<X> getSideOutputValues(OutputTag<X> tag) {
        List<X> values = new ArrayList<>();
        for (StreamRecord<?> r : sideOutputs.getOrDefault(tag, List.of())) {
            values.add((X) r.getValue());
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        if (!closed) {
            closed = true;
            operator.close();
        }
    }

    /** Copies what the operator emits (it may reuse its record objects). */
    private final class CollectingOutput implements Output<OUT> {
        @Override
        public void collect(StreamRecord<OUT> record) {
            output.add(copy(record));
        }

        @Override
        public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
            sideOutputs.computeIfAbsent(tag, t -> new ArrayList<>()).add(copy(record));
        }

        @Override
        public void emitWatermark(Watermark mark) {
            output.add(mark);
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            output.add(status);
        }

        private <X> StreamRecord<X> copy(StreamRecord<X> record) {
            return record.hasTimestamp() ? new StreamRecord<>(record.getValue(), record.getTimestamp())
                    : new StreamRecord<>(record.getValue());
        }
    }
}
