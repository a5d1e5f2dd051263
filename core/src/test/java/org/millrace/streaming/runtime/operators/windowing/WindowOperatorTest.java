package org.millrace.streaming.runtime.operators.windowing;

import org.millrace.streaming.api.operators.StreamOperatorFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.functions.AggregateFunction;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.streaming.api.functions.windowing.ProcessWindowFunction;
import org.millrace.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.millrace.streaming.api.windowing.assigners.GlobalWindows;
import org.millrace.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.millrace.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.millrace.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.millrace.streaming.api.windowing.assigners.WindowAssigner;
import org.millrace.streaming.api.windowing.evictors.CountEvictor;
import org.millrace.streaming.api.windowing.evictors.Evictor;
import org.millrace.streaming.api.windowing.triggers.CountTrigger;
import org.millrace.streaming.api.windowing.triggers.PurgingTrigger;
import org.millrace.streaming.api.windowing.triggers.Trigger;
import org.millrace.streaming.api.windowing.windows.GlobalWindow;
import org.millrace.streaming.api.windowing.windows.TimeWindow;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.streamrecord.StreamElement;
import org.millrace.streaming.util.OneInputStreamOperatorTestHarness;
import org.millrace.util.Collector;
import org.millrace.util.OutputTag;

/** The window operator on out-of-order input, with outputs computed by hand. */
class WindowOperatorTest {

    private static final KeySelector<Tuple2<String, Integer>, String> BY_KEY = t -> t.f0;
    private static final OutputTag<Tuple2<String, Integer>> LATE =
            new OutputTag<>("late", Types.TUPLE(Types.STRING, Types.INT));

    /** Sums the values of a window. */
    static final class SumValues implements AggregateFunction<Tuple2<String, Integer>, Integer, Integer> {
        @Override
        public Integer createAccumulator() {
            return 0;
        }

        @Override
        public Integer add(Tuple2<String, Integer> value, Integer acc) {
            return acc + value.f1;
        }

        @Override
        public Integer getResult(Integer acc) {
            return acc;
        }

        @Override
        public Integer merge(Integer a, Integer b) {
            return a + b;
        }
    }

    /** "key:start-end:sum" of a pre-aggregated window. */
    static final class DescribeSum extends ProcessWindowFunction<Integer, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Integer> sums, Collector<String> out) {
            for (Integer sum : sums) {
                out.collect(key + ":" + ctx.window().getStart() + "-" + ctx.window().getEnd() + ":" + sum);
            }
        }
    }

    /** "key:start-end:count=n,sum=s" over all elements of a window. */
    static final class DescribeElements extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
            int count = 0;
            int sum = 0;
            for (Tuple2<String, Integer> e : elements) {
                count++;
                sum += e.f1;
            }
            out.collect(key + ":" + ctx.window().getStart() + "-" + ctx.window().getEnd() + ":count=" + count + ",sum=" + sum);
        }
    }

    private static <S, R, OUT, W extends Window> OneInputStreamOperatorTestHarness<Tuple2<String, Integer>, OUT> harness(
            WindowAssigner<? super Tuple2<String, Integer>, W> assigner, Trigger<? super Tuple2<String, Integer>, ? super W> trigger,
            WindowContents<Tuple2<String, Integer>, S, R> contents, InternalWindowFunction<R, OUT, String, W> function,
            Evictor<? super Tuple2<String, Integer>, ? super W> evictor, long lateness) throws Exception {
        OneInputStreamOperatorTestHarness<Tuple2<String, Integer>, OUT> h = new OneInputStreamOperatorTestHarness<>(
                p -> new WindowOperator<>(p, assigner, trigger, contents, function, evictor, lateness, LATE), BY_KEY);
        h.open();
        return h;
    }

    private static OneInputStreamOperatorTestHarness<Tuple2<String, Integer>, String> describing(
            WindowAssigner<Object, TimeWindow> assigner, long lateness) throws Exception {
        return harness(assigner, assigner.getDefaultTrigger(), WindowContents.aggregating(new SumValues()),
                new InternalProcessWindowFunction<>(new DescribeSum()), null, lateness);
    }

    /** The output as segments between watermarks, each sorted (firings of one watermark have no order among keys). */
    private static List<List<String>> segments(OneInputStreamOperatorTestHarness<?, ?> h) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (StreamElement e : h.getOutput()) {
            if (e.isRecord()) {
                current.add(e.asRecord().getValue() + "@" + e.asRecord().getTimestamp());
            } else if (e.isWatermark()) {
                current.sort(null);
                current.add("WM" + (e.asWatermark().getTimestamp() == Long.MAX_VALUE ? "max" : e.asWatermark().getTimestamp()));
                segments.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            current.sort(null);
            segments.add(current);
        }
        return segments;
    }

    /**
     * The session scenario below, with the operator snapshotted after the fourth element and the
     * rest given to a fresh instance restored from that snapshot: merged sessions, their contents
     * and their timers come back, so the output is the same as without the interruption.
     */
    @Test
    void restoredSessionWindowOperatorContinuesAsIfUninterrupted() throws Exception {
        WindowAssigner<Object, TimeWindow> sessions = EventTimeSessionWindows.withGap(Duration.ofMillis(10));
        StreamOperatorFactory<String> factory = p -> new WindowOperator<>(p, sessions, sessions.getDefaultTrigger(),
                WindowContents.<Tuple2<String, Integer>>listing(), new InternalProcessWindowFunction<>(new DescribeElements()),
                null, 5, LATE);
        var before = new OneInputStreamOperatorTestHarness<Tuple2<String, Integer>, String>(factory, BY_KEY);
        before.open();
        before.processElement(Tuple2.of("a", 1), 0);
        before.processElement(Tuple2.of("a", 2), 25);
        before.processElement(Tuple2.of("a", 3), 12);
        before.processElement(Tuple2.of("a", 4), 5);
        var snapshot = before.snapshot(1);
        before.processElement(Tuple2.of("a", 1000), 6); // after the snapshot: lost with the failed instance
        before.close();

        var h = new OneInputStreamOperatorTestHarness<Tuple2<String, Integer>, String>(factory, BY_KEY);
        h.initializeState(snapshot);
        h.open();
        h.processElement(Tuple2.of("b", 7), 100);
        h.processWatermark(21);
        h.processElement(Tuple2.of("a", 5), 18);
        h.processWatermark(40);
        h.processElement(Tuple2.of("a", 6), 3);
        h.endInput();
        assertEquals(List.of(
                List.of("a:0-22:count=3,sum=8@21", "WM21"),
                List.of("a:0-35:count=5,sum=15@34", "WM40"),
                List.of("b:100-110:count=1,sum=7@109", "WMmax")), segments(h));
        assertEquals(List.of(Tuple2.of("a", 6)), h.getSideOutputValues(LATE));
    }

    @Test
    void tumblingEventTimeWindowsSumOutOfOrderInputAndDropLateElements() throws Exception {
        var h = describing(TumblingEventTimeWindows.of(Duration.ofMillis(10)), 0);
        h.processElement(Tuple2.of("a", 1), 3);
        h.processElement(Tuple2.of("a", 2), 12);
        h.processElement(Tuple2.of("b", 5), 7);
        h.processElement(Tuple2.of("a", 4), 1);
        h.processWatermark(9);
        h.processElement(Tuple2.of("a", 100), 5); // late: [0, 10) is gone
        h.processElement(Tuple2.of("a", 8), 15);
        h.processElement(Tuple2.of("b", 1), 19);
        h.processWatermark(19);
        h.endInput();
        assertEquals(List.of(
                List.of("a:0-10:5@9", "b:0-10:5@9", "WM9"),
                List.of("a:10-20:10@19", "b:10-20:1@19", "WM19"),
                List.of("WMmax")), segments(h));
        assertEquals(List.of(Tuple2.of("a", 100)), h.getSideOutputValues(LATE));
        assertEquals(0, ((WindowOperator<?, ?, ?, ?, ?, ?>) h.getOperator()).getInternalTimerService().numEventTimeTimers());
    }

    @Test
    void slidingEventTimeWindowsPutEachElementIntoSizeBySlideWindows() throws Exception {
        var h = describing(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)), 0);
        h.processElement(Tuple2.of("a", 1), 1);
        h.processElement(Tuple2.of("a", 10), 12);
        h.processElement(Tuple2.of("a", 100), 6);
        h.endInput();
        assertEquals(List.of("a:-5-5:1@4", "a:0-10:101@9", "a:5-15:110@14", "a:10-20:10@19"), h.extractTimestampedOutput());
    }

    @Test
    void sessionWindowsMergeLateElementsExtendAFiredSessionAndTooLateOnesGoToTheSideOutput() throws Exception {
        var h = harness(EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                EventTimeSessionWindows.withGap(Duration.ofMillis(10)).getDefaultTrigger(), WindowContents.listing(),
                new InternalProcessWindowFunction<>(new DescribeElements()), null, 5);
        h.processElement(Tuple2.of("a", 1), 0);   // [0, 10)
        h.processElement(Tuple2.of("a", 2), 25);  // [25, 35)
        h.processElement(Tuple2.of("a", 3), 12);  // [12, 22): apart from [0, 10)
        h.processElement(Tuple2.of("a", 4), 5);   // [5, 15) bridges [0, 10) and [12, 22) -> [0, 22)
        h.processElement(Tuple2.of("b", 7), 100); // [100, 110)
        h.processWatermark(21);                   // fires [0, 22); kept until 21 + 5
        h.processElement(Tuple2.of("a", 5), 18);  // late but allowed: [18, 28) merges [0, 22) and [25, 35)
        h.processWatermark(40);                   // fires [0, 35), then cleans it up at 39
        h.processElement(Tuple2.of("a", 6), 3);   // too late: 3 + 5 <= 40
        h.endInput();
        assertEquals(List.of(
                List.of("a:0-22:count=3,sum=8@21", "WM21"),
                List.of("a:0-35:count=5,sum=15@34", "WM40"),
                List.of("b:100-110:count=1,sum=7@109", "WMmax")), segments(h));
        assertEquals(List.of(Tuple2.of("a", 6)), h.getSideOutputValues(LATE));
    }

    @Test
    void sessionWindowsMergeIncrementalAccumulators() throws Exception {
        var h = harness(EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                EventTimeSessionWindows.withGap(Duration.ofMillis(10)).getDefaultTrigger(),
                WindowContents.aggregating(new SumValues()), new InternalProcessWindowFunction<>(new DescribeSum()), null, 0);
        h.processElement(Tuple2.of("a", 1), 0);
        h.processElement(Tuple2.of("a", 2), 25);
        h.processElement(Tuple2.of("a", 3), 12);
        h.processElement(Tuple2.of("a", 4), 5);
        h.processElement(Tuple2.of("a", 5), 18);
        h.endInput();
        assertEquals(List.of("a:0-35:15@34"), h.extractTimestampedOutput());
    }

    /**
     * A count trigger on sessions: the counts of sessions that merge add up (trigger state is
     * merged), so the merged session fires with its third element although no single session
     * reached three.
     */
    @Test
    void countTriggerOnSessionsAddsTheCountsOfMergedSessions() throws Exception {
        var h = harness(EventTimeSessionWindows.withGap(Duration.ofMillis(10)), CountTrigger.<TimeWindow>of(3),
                WindowContents.aggregating(new SumValues()), new InternalProcessWindowFunction<>(new DescribeSum()), null, 0);
        h.processElement(Tuple2.of("a", 1), 0);   // [0, 10): count 1
        h.processElement(Tuple2.of("a", 2), 20);  // [20, 30): count 1
        h.processElement(Tuple2.of("a", 4), 10);  // [10, 20) bridges both -> [0, 30): 1 + 1 merged, + 1 = 3: fires
        h.processElement(Tuple2.of("a", 8), 25);  // [0, 30): count restarted at 1
        h.processElement(Tuple2.of("b", 16), 0);  // b's own count
        h.endInput();
        assertEquals(List.of("a:0-30:7@29"), h.extractTimestampedOutput());
    }

    @Test
    void allowedLatenessFiresAgainForLateElementsAndSideOutputsThoseAfterCleanup() throws Exception {
        var h = describing(TumblingEventTimeWindows.of(Duration.ofMillis(10)), 5);
        h.processElement(Tuple2.of("a", 1), 5);
        h.processWatermark(10);                   // fires [0, 10): 1
        h.processElement(Tuple2.of("a", 2), 7);   // within lateness: fires again at once with 3
        h.processWatermark(15);                   // cleanup at 9 + 5 = 14
        h.processElement(Tuple2.of("a", 4), 8);   // after cleanup: side output
        h.endInput();
        assertEquals(List.of("a:0-10:1@9", "a:0-10:3@9"), h.extractTimestampedOutput());
        assertEquals(List.of(Tuple2.of("a", 4)), h.getSideOutputValues(LATE));
    }

    @Test
    void countWindowFiresAndPurgesEveryNElementsOfAKey() throws Exception {
        var h = harness(GlobalWindows.create(), PurgingTrigger.of(CountTrigger.<GlobalWindow>of(2)),
                WindowContents.reducing((Tuple2<String, Integer> x, Tuple2<String, Integer> y) -> Tuple2.of(x.f0, x.f1 + y.f1)),
                new PassThroughWindowFunction<Tuple2<String, Integer>, String, GlobalWindow>(), null, 0);
        h.processElement(Tuple2.of("a", 1), 1);
        h.processElement(Tuple2.of("b", 10), 2);
        h.processElement(Tuple2.of("a", 2), 3);
        h.processElement(Tuple2.of("a", 4), 4);
        h.processElement(Tuple2.of("b", 20), 5);
        h.processElement(Tuple2.of("a", 8), 6);
        h.endInput();
        assertEquals(List.of(Tuple2.of("a", 3), Tuple2.of("b", 30), Tuple2.of("a", 12)), h.extractOutputValues());
    }

    @Test
    void slidingCountWindowEvaluatesTheLastSizeElementsEverySlide() throws Exception {
        var h = harness(GlobalWindows.create(), CountTrigger.<GlobalWindow>of(2), WindowContents.listing(),
                InternalWindowFunctionAdapters.folding(
                        WindowContents.reducing((Tuple2<String, Integer> x, Tuple2<String, Integer> y) -> Tuple2.of(x.f0, x.f1 + y.f1)),
                        new PassThroughWindowFunction<Tuple2<String, Integer>, String, GlobalWindow>()),
                CountEvictor.<GlobalWindow>of(3), 0);
        for (int i = 1; i <= 6; i++) {
            h.processElement(Tuple2.of("a", i), i);
        }
        // fires after 2, 4, 6 elements over the last 3: {1,2}, {2,3,4}, {4,5,6}
        assertEquals(List.of(Tuple2.of("a", 3), Tuple2.of("a", 9), Tuple2.of("a", 15)), h.extractOutputValues());
    }

    @Test
    void processingTimeWindowsFireWhenTheClockPassesTheirEnd() throws Exception {
        var h = describing(TumblingProcessingTimeWindows.of(Duration.ofMillis(10)), 0);
        h.setProcessingTime(3);
        h.processElementWithoutTimestamp(Tuple2.of("a", 1));
        h.processElementWithoutTimestamp(Tuple2.of("a", 2));
        h.setProcessingTime(12);
        h.processElementWithoutTimestamp(Tuple2.of("a", 4));
        h.setProcessingTime(19);
        assertEquals(List.of("a:0-10:3@9", "a:10-20:4@19"), h.extractTimestampedOutput());
        assertEquals(0, h.getProcessingTimeService().getNumActiveTimers());
    }

    /** Counts firings per window in window state and the key's windows in global state. */
    static final class CountingFirings extends ProcessWindowFunction<Integer, String, String, TimeWindow> {
        private final ValueStateDescriptor<Integer> firings = new ValueStateDescriptor<>("firings", Types.INT);
        private final ValueStateDescriptor<Integer> windows = new ValueStateDescriptor<>("windows", Types.INT);

        @Override
        public void process(String key, Context ctx, Iterable<Integer> sums, Collector<String> out) throws Exception {
            ValueState<Integer> perWindow = ctx.windowState().getState(firings);
            int n = perWindow.value() == null ? 1 : perWindow.value() + 1;
            perWindow.update(n);
            ValueState<Integer> perKey = ctx.globalState().getState(windows);
            if (n == 1) {
                perKey.update(perKey.value() == null ? 1 : perKey.value() + 1);
            }
            out.collect(key + ":" + ctx.window().getStart() + ":firing" + n + ":window" + perKey.value());
        }

        @Override
        public void clear(Context ctx) {
            ctx.windowState().getState(firings).clear();
        }
    }

    @Test
    void windowStateIsPerWindowAndGlobalStatePerKey() throws Exception {
        var h = harness(TumblingEventTimeWindows.of(Duration.ofMillis(10)), TumblingEventTimeWindows.of(Duration.ofMillis(10)).getDefaultTrigger(),
                WindowContents.aggregating(new SumValues()), new InternalProcessWindowFunction<>(new CountingFirings()), null, 10);
        h.processElement(Tuple2.of("a", 1), 1);
        h.processWatermark(9);
        h.processElement(Tuple2.of("a", 1), 2); // late but allowed: second firing of [0, 10)
        h.processElement(Tuple2.of("a", 1), 11);
        h.endInput();
        assertEquals(List.of("a:0:firing1:window1", "a:0:firing2:window1", "a:10:firing1:window2"), h.extractOutputValues());
    }
}
