package org.millrace.streaming.runtime.operators;

import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.eventtime.TimestampAssigner;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.api.operators.StreamOperatorParameters;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * {@code assignTimestampsAndWatermarks}: stamps every record with the strategy's timestamp and emits
 * the strategy's watermarks in place of the upstream ones (only the final {@code Long.MAX_VALUE}
 * watermark of an ended input passes through). Periodic generators run every
 * {@code pipeline.auto-watermark-interval} as a mail in the task thread.
 */
public final class TimestampsAndWatermarksOperator<T> implements OneInputStreamOperator<T, T> {

    private final Output<T> output;
    private final TimestampsAndWatermarks<T> watermarks;
    private final StreamOperatorParameters<T> parameters;

    public TimestampsAndWatermarksOperator(StreamOperatorParameters<T> parameters, WatermarkStrategy<T> strategy) {
        this.parameters = parameters;
        this.output = parameters.getOutput();
        this.watermarks = new TimestampsAndWatermarks<>(strategy, output,
                parameters.getExecutionMode() == RuntimeExecutionMode.BATCH);
    }

    @Override
    public void open() {
        watermarks.startPeriodicEmission(parameters.getProcessingTimeService(), parameters.getAutoWatermarkIntervalMillis());
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        T value = element.getValue();
        long ts = watermarks.extractTimestamp(value,
                element.hasTimestamp() ? element.getTimestamp() : TimestampAssigner.NO_TIMESTAMP);
        element.setTimestamp(ts);
        output.collect(element);
        watermarks.onEvent(value, ts);
    }

    @Override
    public void processWatermark(Watermark mark) {
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            watermarks.emitFinalWatermark();
        }
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        // this operator decides the status of its output itself (withIdleness)
    }

    /** A last periodic emission, unless the input already ended with the final watermark. */
    @Override
    public void finish() {
        if (watermarks.getCurrentWatermark() != Long.MAX_VALUE) {
            watermarks.emitPeriodicWatermark();
        }
    }

    @Override
    public void close() {
        watermarks.stopPeriodicEmission();
    }
}
