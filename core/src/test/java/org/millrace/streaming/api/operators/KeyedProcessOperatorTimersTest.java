package org.millrace.streaming.api.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.streaming.api.TimeDomain;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.streaming.api.functions.ProcessFunction;
import org.millrace.streaming.runtime.streamrecord.StreamElement;
import org.millrace.streaming.util.OneInputStreamOperatorTestHarness;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/** Timers of keyed process functions: order, deduplication, deletion, both time domains, side outputs. */
class KeyedProcessOperatorTimersTest {

    private static final OutputTag<String> SEEN = new OutputTag<>("seen", Types.STRING);

    /**
     * An element (key, command) registers event-time timers: "+t" registers t, "-t" deletes t,
     * "p+t" a processing-time timer. Timers emit "key:domain:timestamp".
     */
    static final class TimerCommands extends KeyedProcessFunction<String, Tuple2<String, String>, String> {
        @Override
        public void processElement(Tuple2<String, String> value, Context ctx, Collector<String> out) {
            for (String command : value.f1.split(",")) {
                if (command.startsWith("p+")) {
                    ctx.timerService().registerProcessingTimeTimer(Long.parseLong(command.substring(2)));
                } else if (command.startsWith("+")) {
                    ctx.timerService().registerEventTimeTimer(Long.parseLong(command.substring(1)));
                } else if (command.startsWith("-")) {
                    ctx.timerService().deleteEventTimeTimer(Long.parseLong(command.substring(1)));
                }
            }
            ctx.output(SEEN, ctx.getCurrentKey() + "@" + ctx.timestamp());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            String domain = ctx.timeDomain() == TimeDomain.EVENT_TIME ? "event" : "processing";
            out.collect(ctx.getCurrentKey() + ":" + domain + ":" + timestamp + ":wm" + ctx.timerService().currentWatermark());
        }
    }

    private static OneInputStreamOperatorTestHarness<Tuple2<String, String>, String> harness() throws Exception {
        OneInputStreamOperatorTestHarness<Tuple2<String, String>, String> h = new OneInputStreamOperatorTestHarness<>(
                p -> new KeyedProcessOperator<String, Tuple2<String, String>, String>(p, new TimerCommands()), t -> t.f0);
        h.open();
        return h;
    }

    private static List<String> elements(OneInputStreamOperatorTestHarness<?, ?> h) {
        List<String> out = new ArrayList<>();
        for (StreamElement e : h.getOutput()) {
            out.add(e.isRecord() ? e.asRecord().getValue() + "@" + e.asRecord().getTimestamp() : "WM" + e.asWatermark().getTimestamp());
        }
        return out;
    }

    @Test
    void eventTimeTimersFireInTimestampOrderBeforeTheWatermarkIsForwarded() throws Exception {
        var h = harness();
        h.processElement(Tuple2.of("a", "+30,+20"), 10);
        h.processElement(Tuple2.of("b", "+15,+30"), 11);
        h.processElement(Tuple2.of("a", "+20,-30"), 12); // 20 again: still one timer; 30 of a deleted
        h.processWatermark(25);
        h.processWatermark(40);
        assertEquals(List.of("b:event:15:wm25@15", "a:event:20:wm25@20", "WM25", "b:event:30:wm40@30", "WM40"), elements(h));
        assertEquals(List.of("a@10", "b@11", "a@12"), h.getSideOutputValues(SEEN));
    }

    @Test
    void aTimerAtTheWatermarkFiresAndNoneBeforeIt() throws Exception {
        var h = harness();
        h.processElement(Tuple2.of("a", "+20"), 1);
        h.processWatermark(19);
        h.processWatermark(20);
        assertEquals(List.of("WM19", "a:event:20:wm20@20", "WM20"), elements(h));
    }

    @Test
    void processingTimeTimersFireWhenTheClockReachesThemWithoutTimestamp() throws Exception {
        var h = harness();
        h.processElement(Tuple2.of("a", "p+100"), 1);
        h.processElement(Tuple2.of("b", "p+50"), 2);
        h.processElement(Tuple2.of("a", "p+100"), 3);
        h.setProcessingTime(60);
        assertEquals(List.of("b:processing:50:wm-9223372036854775808"), h.extractTimestampedOutput());
        h.setProcessingTime(100);
        assertEquals(List.of("b:processing:50:wm-9223372036854775808", "a:processing:100:wm-9223372036854775808"),
                h.extractTimestampedOutput());
        assertEquals(0, h.getProcessingTimeService().getNumActiveTimers());
    }

    @Test
    void timersAreKeptPerKeyGroupAndDeduplicated() throws Exception {
        var h = harness();
        for (int i = 0; i < 1000; i++) {
            h.processElement(Tuple2.of("k" + (i % 50), "+" + (i % 7)), i);
        }
        KeyedProcessOperator<?, ?, ?> op = (KeyedProcessOperator<?, ?, ?>) h.getOperator();
        assertEquals(50 * 7, op.getInternalTimerService().numEventTimeTimers());
        h.processWatermark(6);
        assertEquals(350, h.extractOutputValues().size());
        assertEquals(0, op.getInternalTimerService().numEventTimeTimers());
    }

    @Test
    void restoredOperatorFiresTheTimersOfTheSnapshotAndOnlyThose() throws Exception {
        var h = harness();
        h.processElement(Tuple2.of("a", "+30,+20,p+100"), 10);
        h.processElement(Tuple2.of("b", "+15"), 11);
        var snapshot = h.snapshot(7);
        h.processElement(Tuple2.of("c", "+16"), 12); // after the snapshot: not in it
        h.close();

        var restored = new OneInputStreamOperatorTestHarness<Tuple2<String, String>, String>(
                p -> new KeyedProcessOperator<String, Tuple2<String, String>, String>(p, new TimerCommands()), t -> t.f0);
        restored.initializeState(snapshot);
        restored.open();
        restored.processWatermark(25);
        restored.setProcessingTime(100);
        restored.processWatermark(40);
        assertEquals(List.of("b:event:15:wm25@15", "a:event:20:wm25@20", "WM25",
                "a:processing:100:wm25@0", "a:event:30:wm40@30", "WM40"), elements(restored));
    }

    @Test
    void nonKeyedProcessFunctionsCannotSetTimers() throws Exception {
        ProcessFunction<String, String> function = new ProcessFunction<>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                out.collect(value + ":" + ctx.timerService().currentWatermark());
                ctx.timerService().registerEventTimeTimer(5);
            }
        };
        var h = new OneInputStreamOperatorTestHarness<String, String>(p -> new ProcessOperator<>(p, function), null);
        h.open();
        h.processWatermark(3);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> h.processElement("x", 4));
        assertEquals("Setting timers is only supported on a keyed streams.", e.getMessage());
        assertEquals(List.of("x:3@4"), h.extractTimestampedOutput());
    }
}
