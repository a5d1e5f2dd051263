package org.millrace.streaming.runtime.watermarkstatus;

import org.millrace.streaming.runtime.streamrecord.StreamElement;

/**
 * Tells the consumers of a stream whether it will advance its watermark ({@link #ACTIVE}) or has
 * gone quiet for a while ({@link #IDLE}). A consumer leaves idle inputs out of the minimum it
 * computes over its inputs, so one silent partition does not hold back event time for all.
 */
public final class WatermarkStatus extends StreamElement {

    public static final int IDLE_STATUS = -1;
    public static final int ACTIVE_STATUS = 0;

    public static final WatermarkStatus IDLE = new WatermarkStatus(IDLE_STATUS);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(ACTIVE_STATUS);

    private final int status;

    private WatermarkStatus(int status) {
        this.status = status;
    }

    /** The status for a wire value; only the two constants exist. */
    public static WatermarkStatus of(int status) {
        if (status == IDLE_STATUS) {
            return IDLE;
        }
        if (status == ACTIVE_STATUS) {
            return ACTIVE;
        }
        throw new IllegalArgumentException("Unknown watermark status " + status);
    }

    public int getStatus() {
        return status;
    }

    public boolean isIdle() {
        return status == IDLE_STATUS;
    }

    public boolean isActive() {
        return status == ACTIVE_STATUS;
    }

    @Override
    public String toString() {
        return isIdle() ? "WatermarkStatus(IDLE)" : "WatermarkStatus(ACTIVE)";
    }
}
