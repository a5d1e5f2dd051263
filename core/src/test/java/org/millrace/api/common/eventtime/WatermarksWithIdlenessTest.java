package org.millrace.api.common.eventtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** withIdleness: idle after the timeout without events, active again with the next event. */
class WatermarksWithIdlenessTest {

    private final List<String> out = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            out.add("WM" + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            out.add("IDLE");
        }

        @Override
        public void markActive() {
            out.add("ACTIVE");
        }
    };
    private long nanos;

    @Test
    void marksIdleAfterTheTimeoutWithoutEventsAndActiveWithTheNextEvent() {
        WatermarksWithIdleness<String> g = new WatermarksWithIdleness<>(
                new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), Duration.ofMillis(100), () -> nanos);
        g.onEvent("a", 10, output);
        g.onPeriodicEmit(output);            // t = 0: events seen
        nanos = 60_000_000;
        g.onPeriodicEmit(output);            // quiet for 60 ms
        nanos = 160_000_000;
        g.onPeriodicEmit(output);            // quiet for 100 ms: idle, no watermark
        nanos = 200_000_000;
        g.onPeriodicEmit(output);
        g.onEvent("b", 20, output);
        g.onPeriodicEmit(output);
        assertEquals(List.of("WM9", "WM9", "IDLE", "ACTIVE", "WM19"), out);
    }
}
