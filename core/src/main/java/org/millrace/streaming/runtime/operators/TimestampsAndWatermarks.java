package org.millrace.streaming.runtime.operators;

import java.util.concurrent.ScheduledFuture;
import org.millrace.api.common.eventtime.NoWatermarksGenerator;
import org.millrace.api.common.eventtime.RecordTimestampAssigner;
import org.millrace.api.common.eventtime.TimestampAssigner;
import org.millrace.api.common.eventtime.Watermark;
import org.millrace.api.common.eventtime.WatermarkGenerator;
import org.millrace.api.common.eventtime.WatermarkOutput;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.streaming.api.operators.Output;
import org.millrace.streaming.runtime.tasks.ProcessingTimeService;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * A {@link WatermarkStrategy} at work in one subtask, shared by sources and
 * {@code assignTimestampsAndWatermarks}: assigns timestamps, feeds the generator, runs its periodic
 * emission as a processing-time callback (so in the task thread) and turns what it emits into
 * stream elements: watermarks only when they rise, status changes only when they change.
 *
 * <p>In BATCH mode no generator runs: the only watermark is the final {@code Long.MAX_VALUE}.
 */
public final class TimestampsAndWatermarks<T> implements WatermarkOutput {

    private final TimestampAssigner<T> assigner;
    private final WatermarkGenerator<T> generator;
    private final Output<?> output;
    private long currentWatermark = Long.MIN_VALUE;
    private boolean idle;
    private ScheduledFuture<?> periodic;

    public TimestampsAndWatermarks(WatermarkStrategy<T> strategy, Output<?> output, boolean batch) {
        this.assigner = strategy.createTimestampAssigner(new TimestampAssignerContext());
        this.generator = batch ? new NoWatermarksGenerator<>() : strategy.createWatermarkGenerator(new GeneratorContext());
        this.output = output;
    }

    /** True if this strategy neither changes timestamps nor makes watermarks (so callers may skip it). */
    public boolean isPassThrough() {
        return assigner instanceof RecordTimestampAssigner && generator instanceof NoWatermarksGenerator;
    }

    /** The event's timestamp, from the assigner. */
    public long extractTimestamp(T event, long recordTimestamp) {
        return assigner.extractTimestamp(event, recordTimestamp);
    }

    /** Shows the generator an event that was just emitted with {@code timestamp}. */
    public void onEvent(T event, long timestamp) {
        generator.onEvent(event, timestamp, this);
    }

    /** Starts the periodic emission; an interval of 0 disables it (punctuated generators only). */
    public void startPeriodicEmission(ProcessingTimeService timeService, long intervalMillis) {
        if (intervalMillis > 0 && !(generator instanceof NoWatermarksGenerator)) {
            periodic = timeService.scheduleWithFixedDelay(time -> emitPeriodicWatermark(), intervalMillis, intervalMillis);
        }
    }

    /** One periodic emission, as the timer runs it. */
    public void emitPeriodicWatermark() {
        generator.onPeriodicEmit(this);
    }

    /** The end of input: event time jumps to the end and no more watermarks are generated. */
    public void emitFinalWatermark() {
        stopPeriodicEmission();
        emitWatermark(Watermark.MAX_WATERMARK);
    }

    public void stopPeriodicEmission() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    public long getCurrentWatermark() {
        return currentWatermark;
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        long ts = watermark.getTimestamp();
        markActive();
        if (ts > currentWatermark) {
            currentWatermark = ts;
            output.emitWatermark(ts == Long.MAX_VALUE
                    ? org.millrace.streaming.api.watermark.Watermark.MAX_WATERMARK
                    : new org.millrace.streaming.api.watermark.Watermark(ts));
        }
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
    }

    private static final class TimestampAssignerContext implements org.millrace.api.common.eventtime.TimestampAssignerSupplier.Context {}

    private static final class GeneratorContext implements org.millrace.api.common.eventtime.WatermarkGeneratorSupplier.Context {}
}
