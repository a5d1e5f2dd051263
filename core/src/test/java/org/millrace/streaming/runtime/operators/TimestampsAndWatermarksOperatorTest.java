package org.millrace.streaming.runtime.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.eventtime.Watermark;
import org.millrace.api.common.eventtime.WatermarkGenerator;
import org.millrace.api.common.eventtime.WatermarkOutput;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.streaming.runtime.streamrecord.StreamElement;
import org.millrace.streaming.util.OneInputStreamOperatorTestHarness;

/** assignTimestampsAndWatermarks: timestamps, periodic and punctuated watermarks, batch mode. */
class TimestampsAndWatermarksOperatorTest {

    private static OneInputStreamOperatorTestHarness<Long, Long> harness(WatermarkStrategy<Long> strategy,
            RuntimeExecutionMode mode) throws Exception {
        var h = new OneInputStreamOperatorTestHarness<Long, Long>(p -> new TimestampsAndWatermarksOperator<>(p, strategy),
                null, mode, 200);
        h.open();
        return h;
    }

    private static List<String> elements(OneInputStreamOperatorTestHarness<?, ?> h) {
        List<String> out = new ArrayList<>();
        for (StreamElement e : h.getOutput()) {
            if (e.isRecord()) {
                out.add(e.asRecord().getValue() + "@" + e.asRecord().getTimestamp());
            } else if (e.isWatermark()) {
                out.add("WM" + e.asWatermark().getTimestamp());
            } else {
                out.add(e.asWatermarkStatus().isIdle() ? "IDLE" : "ACTIVE");
            }
        }
        return out;
    }

    @Test
    void boundedOutOfOrdernessEmitsTheMaxTimestampMinusTheBoundEveryInterval() throws Exception {
        var h = harness(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(5))
                .withTimestampAssigner((v, previous) -> v), RuntimeExecutionMode.STREAMING);
        h.processElementWithoutTimestamp(10L);
        h.processElementWithoutTimestamp(30L);
        h.processElementWithoutTimestamp(20L);
        h.setProcessingTime(200);
        h.processElementWithoutTimestamp(25L);
        h.setProcessingTime(400); // no new maximum: the same watermark is not emitted again
        h.processElementWithoutTimestamp(50L);
        h.setProcessingTime(600);
        h.processWatermark(Long.MAX_VALUE);
        assertEquals(List.of("10@10", "30@30", "20@20", "WM24", "25@25", "50@50", "WM44", "WM" + Long.MAX_VALUE), elements(h));
    }

    @Test
    void upstreamWatermarksAreReplacedButTheFinalOnePasses() throws Exception {
        var h = harness(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, p) -> v),
                RuntimeExecutionMode.STREAMING);
        h.processWatermark(1000);
        h.processElementWithoutTimestamp(7L);
        h.setProcessingTime(200);
        h.processWatermark(Long.MAX_VALUE);
        assertEquals(List.of("7@7", "WM6", "WM" + Long.MAX_VALUE), elements(h));
    }

    /** Emits a watermark at every element that is a multiple of 10. */
    static final class Punctuated implements WatermarkGenerator<Long> {
        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
            if (event % 10 == 0) {
                output.emitWatermark(new Watermark(eventTimestamp));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    @Test
    void punctuatedWatermarksFollowTheirRecord() throws Exception {
        var h = harness(WatermarkStrategy.<Long>forGenerator(ctx -> new Punctuated()).withTimestampAssigner((v, p) -> v * 2),
                RuntimeExecutionMode.STREAMING);
        h.processElementWithoutTimestamp(3L);
        h.processElementWithoutTimestamp(10L);
        h.processElementWithoutTimestamp(20L);
        assertEquals(List.of("3@6", "10@20", "WM20", "20@40", "WM40"), elements(h));
    }

    @Test
    void recordsKeepTheirSourceTimestampWithoutAnAssigner() throws Exception {
        var h = harness(WatermarkStrategy.forMonotonousTimestamps(), RuntimeExecutionMode.STREAMING);
        h.processElement(1L, 100);
        h.setProcessingTime(200);
        assertEquals(List.of("1@100", "WM99"), elements(h));
    }

    @Test
    void batchModeAssignsTimestampsButEmitsOnlyTheFinalWatermark() throws Exception {
        var h = harness(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ZERO).withTimestampAssigner((v, p) -> v),
                RuntimeExecutionMode.BATCH);
        h.processElementWithoutTimestamp(10L);
        h.setProcessingTime(1000);
        h.processWatermark(Long.MAX_VALUE);
        assertEquals(List.of("10@10", "WM" + Long.MAX_VALUE), elements(h));
    }
}
