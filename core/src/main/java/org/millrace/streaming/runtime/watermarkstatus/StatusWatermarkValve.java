package org.millrace.streaming.runtime.watermarkstatus;

import org.millrace.streaming.api.watermark.Watermark;

/**
 * Combines the watermarks and statuses of a task's input channels into the task's input watermark:
 * the minimum over the active channels, forwarded only when it rises. Idle channels are left out
 * of the minimum; when every channel is idle the task's input is idle. A channel that becomes
 * active again rejoins the minimum only once its watermark has caught up with the forwarded one
 * (so the output never goes back). When the last active channel goes idle, the valve flushes the
 * maximum watermark over all channels (nothing will advance any more). A channel that ended counts
 * as being at {@code Long.MAX_VALUE}.
 *
 * <pre>
 *   ch0 wm 10 ─┐
 *   ch1 wm 7  ─┼─ min over active, aligned channels = 7 ──> emitted if > last emitted
 *   ch2 IDLE  ─┘
 * </pre>
 *
 * <p>Used by the task thread only.
 */
public final class StatusWatermarkValve {

    /** Where the valve sends what it decided. */
    public interface ValveOutput {
        void emitWatermark(Watermark watermark) throws Exception;

        void emitWatermarkStatus(WatermarkStatus status) throws Exception;
    }

    private final long[] watermarks;
    private final boolean[] active;
    private final boolean[] aligned;
    private long lastOutputWatermark = Long.MIN_VALUE;
    private boolean outputIdle;

    public StatusWatermarkValve(int numberOfChannels) {
        this.watermarks = new long[numberOfChannels];
        this.active = new boolean[numberOfChannels];
        this.aligned = new boolean[numberOfChannels];
        java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
        java.util.Arrays.fill(active, true);
        java.util.Arrays.fill(aligned, true);
    }

    /** A watermark arrived on {@code channel}; watermarks of idle channels are ignored. */
    public void inputWatermark(Watermark watermark, int channel, ValveOutput output) throws Exception {
        if (!active[channel]) {
            return;
        }
        long ts = watermark.getTimestamp();
        if (ts <= watermarks[channel]) {
            return;
        }
        watermarks[channel] = ts;
        if (!aligned[channel] && ts >= lastOutputWatermark) {
            aligned[channel] = true;
        }
        findAndEmitNewMinimum(output);
    }

    /** A status arrived on {@code channel}. */
    public void inputWatermarkStatus(WatermarkStatus status, int channel, ValveOutput output) throws Exception {
        if (status.isIdle() && active[channel]) {
            active[channel] = false;
            aligned[channel] = false;
            if (!anyActive()) {
                // no channel will advance any more: flush what the channels reached, i.e. the
                // maximum over all of them, if the channel that just went idle held the minimum
                if (watermarks[channel] == lastOutputWatermark) {
                    emitMaximumOverAllChannels(output);
                }
                outputIdle = true;
                output.emitWatermarkStatus(WatermarkStatus.IDLE);
            } else if (watermarks[channel] == lastOutputWatermark) {
                // the idle channel may have been the one holding the minimum back
                findAndEmitNewMinimum(output);
            }
        } else if (status.isActive() && !active[channel]) {
            active[channel] = true;
            aligned[channel] = watermarks[channel] >= lastOutputWatermark;
            if (outputIdle) {
                outputIdle = false;
                output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
            }
        }
    }

    /** {@code channel} delivered its last element: it no longer holds the watermark back. */
    public void channelEnded(int channel, ValveOutput output) throws Exception {
        if (!active[channel]) {
            inputWatermarkStatus(WatermarkStatus.ACTIVE, channel, output);
        }
        inputWatermark(Watermark.MAX_WATERMARK, channel, output);
    }

    /** The last watermark forwarded, {@code Long.MIN_VALUE} before the first. */
    public long getLastOutputWatermark() {
        return lastOutputWatermark;
    }

    private boolean anyActive() {
        for (boolean a : active) {
            if (a) {
                return true;
            }
        }
        return false;
    }

    private void emitMaximumOverAllChannels(ValveOutput output) throws Exception {
        long max = Long.MIN_VALUE;
        for (long w : watermarks) {
            max = Math.max(max, w);
        }
        if (max > lastOutputWatermark) {
            lastOutputWatermark = max;
            output.emitWatermark(new Watermark(max));
        }
    }

    private void findAndEmitNewMinimum(ValveOutput output) throws Exception {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (active[i] && aligned[i]) {
                any = true;
                min = Math.min(min, watermarks[i]);
            }
        }
        if (any && min > lastOutputWatermark) {
            lastOutputWatermark = min;
            output.emitWatermark(new Watermark(min));
        }
    }
}
