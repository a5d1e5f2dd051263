package org.millrace.api.common.eventtime;

import java.time.Duration;

/**
 * How a stream gets event time: a {@link TimestampAssigner} that gives each event its timestamp and
 * a {@link WatermarkGenerator} that says how far event time has progressed. Pass it to
 * {@code env.fromSource(source, strategy, name)} or {@code stream.assignTimestampsAndWatermarks}.
 *
 * <pre>{@code
 * WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *         .withTimestampAssigner((event, previous) -> event.time)
 *         .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** By default records keep the timestamp their source gave them. */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new RecordTimestampAssigner<>();
    }

    /** This strategy's watermarks with timestamps from {@code supplier}. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return base.createWatermarkGenerator(context);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return supplier.createTimestampAssigner(context);
            }
        };
    }

    /** This strategy's watermarks with timestamps from {@code assigner} (e.g. a lambda reading a field). */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
        return withTimestampAssigner(TimestampAssignerSupplier.of(assigner));
    }

    /** Declares the input idle after {@code idleTimeout} without events (see {@link WatermarksWithIdleness}). */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("The idle timeout must be positive, was " + idleTimeout);
        }
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return base.createTimestampAssigner(context);
            }
        };
    }

    /** Watermarks for timestamps that never decrease. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return context -> new AscendingTimestampsWatermarks<>();
    }

    /** Watermarks trailing the largest timestamp seen by {@code maxOutOfOrderness}. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must be zero or positive, was " + maxOutOfOrderness);
        }
        return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** Watermarks from a custom (periodic or punctuated) generator. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        return generatorSupplier::createWatermarkGenerator;
    }

    /** No watermarks: for jobs in processing time, or where event time only matters at the end of input. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return context -> new NoWatermarksGenerator<>();
    }
}
