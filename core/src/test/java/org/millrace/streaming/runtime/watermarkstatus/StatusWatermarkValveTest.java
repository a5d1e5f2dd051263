package org.millrace.streaming.runtime.watermarkstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.streaming.api.watermark.Watermark;

/** The minimum over input channels, without idle channels, never going back. */
class StatusWatermarkValveTest {

    private final List<String> emitted = new ArrayList<>();
    private final StatusWatermarkValve.ValveOutput output = new StatusWatermarkValve.ValveOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add("WM" + watermark.getTimestamp());
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            emitted.add(status.isIdle() ? "IDLE" : "ACTIVE");
        }
    };

    @Test
    void forwardsTheMinimumOverChannelsOnlyWhenItRises() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(3);
        valve.inputWatermark(new Watermark(10), 0, output);
        valve.inputWatermark(new Watermark(5), 1, output);
        valve.inputWatermark(new Watermark(7), 2, output);
        valve.inputWatermark(new Watermark(12), 1, output);
        valve.inputWatermark(new Watermark(6), 2, output); // goes back on one channel: ignored
        valve.inputWatermark(new Watermark(20), 2, output);
        assertEquals(List.of("WM5", "WM7", "WM10"), emitted.subList(0, 3));
        assertEquals(List.of("WM5", "WM7", "WM10"), emitted);
    }

    @Test
    void idleChannelsDoNotHoldTheWatermarkBack() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        valve.inputWatermark(new Watermark(100), 0, output);
        assertEquals(List.of(), emitted, "channel 1 has no watermark yet");
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 1, output);
        valve.inputWatermark(new Watermark(150), 0, output);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 0, output);
        valve.inputWatermarkStatus(WatermarkStatus.ACTIVE, 1, output);
        valve.inputWatermark(new Watermark(120), 1, output); // behind the output: not aligned yet
        valve.inputWatermark(new Watermark(160), 1, output);
        assertEquals(List.of("WM100", "WM150", "IDLE", "ACTIVE", "WM160"), emitted);
    }

    @Test
    void whenTheLastActiveChannelGoesIdleTheMaximumOverAllChannelsIsFlushed() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        valve.inputWatermark(new Watermark(40), 0, output);
        valve.inputWatermark(new Watermark(10), 1, output);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 0, output); // holds nothing back: no change
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 1, output); // held the minimum: flush 40
        assertEquals(List.of("WM10", "WM40", "IDLE"), emitted);
    }

    @Test
    void anEndedChannelCountsAsMaximal() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        valve.inputWatermark(new Watermark(3), 0, output);
        valve.channelEnded(1, output);
        valve.channelEnded(0, output);
        assertEquals(List.of("WM3", "WM" + Long.MAX_VALUE), emitted);
    }
}
