package org.millrace.api.common.eventtime;

import java.io.Serializable;

/** Creates the {@link WatermarkGenerator} of each parallel instance; shipped with the job. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What a generator may know about where it runs (reserved for metrics). */
    interface Context {}
}
