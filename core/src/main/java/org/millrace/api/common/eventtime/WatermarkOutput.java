package org.millrace.api.common.eventtime;

/** Where a {@link WatermarkGenerator} emits watermarks and says whether its input is idle. */
public interface WatermarkOutput {

    /** Emits a watermark; one not above the last emitted one is ignored (watermarks never go back). */
    void emitWatermark(Watermark watermark);

    /** Declares the input idle: consumers leave it out of their minimum until it is active again. */
    void markIdle();

    /** Declares the input active again (emitting a watermark does so as well). */
    void markActive();
}
