package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.millrace.runtime.minicluster.PunctuatedEvents.byKey;
import static org.millrace.runtime.minicluster.PunctuatedEvents.e;
import static org.millrace.runtime.minicluster.PunctuatedEvents.ms;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.datastream.DataStream;
import org.millrace.streaming.api.datastream.SingleOutputStreamOperator;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.millrace.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.millrace.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.millrace.util.OutputTag;

/**
 * Event-time windows in whole jobs on the embedded cluster, over out-of-order input with
 * punctuated watermarks (see {@link PunctuatedEvents}), so every expected output below is
 * computed by hand from the order of the input. Windows run with parallelism 2, so keys are
 * spread over subtasks; each key's outputs keep their order.
 */
@Timeout(120)
class EventTimeWindowsITCase {

    private static final OutputTag<Tuple3<String, Long, Integer>> LATE =
            new OutputTag<>("late", PunctuatedEvents.TYPE);

    private static StreamExecutionEnvironment env(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        return env;
    }

    /**
     * Tumbling windows of 10 ms, watermark = max timestamp - 3, no allowed lateness.
     *
     * <pre>
     *  event       watermark   fires
     *  (a,1,1)     -2
     *  (b,3,10)    0
     *  (a,12,100)  9           a@[0,10)=1, b@[0,10)=10
     *  (a,7,1000)  9           - late: [0,10) is gone, to the side output
     *  (b,11,20)   9
     *  (a,15,10000) 12
     *  (b,25,30)   22          a@[10,20)=10100, b@[10,20)=20
     *  (a,19,5)    22          - late, to the side output
     *  (b,21,40)   22
     *  end         MAX         b@[20,30)=70
     * </pre>
     */
    @Test
    void tumblingWindowsSumOutOfOrderEventsAndSideOutputLateOnes() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<String> windows = new TestingCollectSink<>();
        TestingCollectSink<Tuple3<String, Long, Integer>> late = new TestingCollectSink<>();
        SingleOutputStreamOperator<String> sums = tumblingInput(env)
                .keyBy(event -> event.f0)
                .window(TumblingEventTimeWindows.of(ms(10)))
                .sideOutputLateData(LATE)
                .reduce(PunctuatedEvents::sum, new PunctuatedEvents.FormatWindow());
        sums.addSink(windows).setParallelism(1);
        sums.getSideOutput(LATE).addSink(late).setParallelism(1);
        env.execute("tumbling windows");

        assertEquals(Map.of(
                        "a", List.of("a@[0,10)=1", "a@[10,20)=10100"),
                        "b", List.of("b@[0,10)=10", "b@[10,20)=20", "b@[20,30)=70")),
                byKey(windows.drain()));
        assertEquals(List.of(e("a", 7, 1000), e("a", 19, 5)), late.drain());
    }

    /** The input of the tumbling test, as one stream of events of both keys. */
    private static DataStream<Tuple3<String, Long, Integer>> tumblingInput(StreamExecutionEnvironment env) {
        return PunctuatedEvents.source(env, 3,
                e("a", 1, 1), e("b", 3, 10), e("a", 12, 100), e("a", 7, 1000), e("b", 11, 20),
                e("a", 15, 10000), e("b", 25, 30), e("a", 19, 5), e("b", 21, 40));
    }

    /**
     * {@code windowAll} over the tumbling test's input: one window per 10 ms over both keys, in
     * one subtask, with the same late elements left out: [0,10) = 1 + 10, [10,20) = 100 + 20 +
     * 10000, [20,30) = 30 + 40.
     */
    @Test
    void windowAllSumsEveryKeyPerWindowInOneSubtask() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<Integer> windows = new TestingCollectSink<>();
        tumblingInput(env)
                .windowAll(TumblingEventTimeWindows.of(ms(10)))
                .reduce(PunctuatedEvents::sum)
                .map(event -> event.f2).returns(Integer.class).setParallelism(1)
                .addSink(windows).setParallelism(1);
        env.execute("windowAll");

        assertEquals(List.of(11, 10120, 70), windows.drain());
    }

    /** Count windows of 2 per key (global windows, purging count trigger); a's odd fifth event never fires. */
    @Test
    void countWindowsFireEverySecondEventOfAKey() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<String> windows = new TestingCollectSink<>();
        tumblingInput(env)
                .keyBy(event -> event.f0)
                .countWindow(2)
                .reduce(PunctuatedEvents::sum)
                .map(event -> event.f0 + "=" + event.f2).returns(String.class)
                .addSink(windows).setParallelism(1);
        env.execute("count windows");

        assertEquals(Map.of("a", List.of("a=101", "a=11000"), "b", List.of("b=30", "b=70")), byKey(windows.drain()));
    }

    /**
     * Windows of 10 ms shifted by an offset of 3 ms start at ..., -17, -7, 3, 13, ... also below
     * zero: -8 falls into [-17,-7), -7 and 2 into [-7,3), 3 into [3,13).
     */
    @Test
    void tumblingWindowsWithOffsetAlignNegativeTimestampsToTheOffset() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<String> windows = new TestingCollectSink<>();
        PunctuatedEvents.source(env, 20, e("a", 2, 4), e("a", -8, 1), e("a", 3, 8), e("a", -7, 2))
                .keyBy(event -> event.f0)
                .window(TumblingEventTimeWindows.of(ms(10), ms(3)))
                .reduce(PunctuatedEvents::sum, new PunctuatedEvents.FormatWindow())
                .addSink(windows).setParallelism(1);
        env.execute("tumbling windows with offset");

        assertEquals(List.of("a@[-17,-7)=1", "a@[-7,3)=6", "a@[3,13)=8"), windows.drain());
    }

    /**
     * Sliding windows of 10 ms every 5 ms, watermark = max timestamp - 3. An element that is late
     * for some of its windows still counts in those not yet fired.
     *
     * <pre>
     *  event      windows                watermark  fires
     *  (a,2,1)    [0,10) [-5,5)          -1
     *  (a,6,2)    [5,15) [0,10)          3
     *  (a,4,4)    [0,10) [-5,5)          3
     *  (a,11,8)   [10,20) [5,15)         8          [-5,5)=5
     *  (a,14,16)  [10,20) [5,15)         11         [0,10)=7
     *  (a,9,32)   [5,15) ([0,10) fired)  11
     *  end                               MAX        [5,15)=58, [10,20)=24
     * </pre>
     */
    @Test
    void slidingWindowsCountEachEventInEveryWindowNotYetFired() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<String> windows = new TestingCollectSink<>();
        TestingCollectSink<Tuple3<String, Long, Integer>> late = new TestingCollectSink<>();
        SingleOutputStreamOperator<String> sums = PunctuatedEvents.source(env, 3,
                        e("a", 2, 1), e("a", 6, 2), e("a", 4, 4), e("a", 11, 8), e("a", 14, 16), e("a", 9, 32))
                .keyBy(event -> event.f0)
                .window(SlidingEventTimeWindows.of(ms(10), ms(5)))
                .sideOutputLateData(LATE)
                .reduce(PunctuatedEvents::sum, new PunctuatedEvents.FormatWindow());
        sums.addSink(windows).setParallelism(1);
        sums.getSideOutput(LATE).addSink(late).setParallelism(1);
        env.execute("sliding windows");

        assertEquals(List.of("a@[-5,5)=5", "a@[0,10)=7", "a@[5,15)=58", "a@[10,20)=24"), windows.drain());
        assertEquals(List.of(), late.drain(), "an element with a window left is not late");
    }

    /**
     * Session windows with a gap of 10 ms and 5 ms allowed lateness, watermark = max timestamp.
     *
     * <pre>
     *  event       sessions after it                 watermark  fires / late
     *  (a,1,1)     a[1,11)                           1
     *  (a,5,2)     a[1,15) (merged)                  5
     *  (b,3,100)   b[3,13)                           5
     *  (a,16,4)    a[1,15) a[16,26)                  16         a@[1,15)=3, b@[3,13)=100
     *  (a,10,8)    a[1,26) (bridges both)            16
     *  (b,4,200)   b[3,14) (late but allowed)        16         b@[3,14)=300 at once
     *  (a,40,16)   a[40,50)                          40         a@[1,26)=15; b[3,14) cleaned up at 18
     *  (b,5,400)   -                                 40         too late: side output
     *  (a,33,32)   a[33,50) (merged)                 40
     *  end                                           MAX        a@[33,50)=48
     * </pre>
     */
    @Test
    void sessionWindowsMergeLateEventsRefireWithinAllowedLatenessAndSideOutputTooLateOnes() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<String> windows = new TestingCollectSink<>();
        TestingCollectSink<Tuple3<String, Long, Integer>> late = new TestingCollectSink<>();
        SingleOutputStreamOperator<String> sums = PunctuatedEvents.source(env, 0,
                        e("a", 1, 1), e("a", 5, 2), e("b", 3, 100), e("a", 16, 4), e("a", 10, 8),
                        e("b", 4, 200), e("a", 40, 16), e("b", 5, 400), e("a", 33, 32))
                .keyBy(event -> event.f0)
                .window(EventTimeSessionWindows.withGap(ms(10)))
                .allowedLateness(ms(5))
                .sideOutputLateData(LATE)
                .reduce(PunctuatedEvents::sum, new PunctuatedEvents.FormatWindow());
        sums.addSink(windows).setParallelism(1);
        sums.getSideOutput(LATE).addSink(late).setParallelism(1);
        env.execute("session windows");

        assertEquals(Map.of(
                        "a", List.of("a@[1,15)=3", "a@[1,26)=15", "a@[33,50)=48"),
                        "b", List.of("b@[3,13)=100", "b@[3,14)=300")),
                byKey(windows.drain()));
        assertEquals(List.of(e("b", 5, 400)), late.drain());
    }

    /**
     * Sessions whose gap is each event's value: a@1 opens [1,6), a@10 [10,12), a@7 [7,12) merges
     * with [10,12), and a@6 with gap 1, [6,7), touches both sessions and joins them into [1,12).
     */
    @Test
    void sessionWindowsWithDynamicGapsMergeSessionsThatTouch() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<String> windows = new TestingCollectSink<>();
        PunctuatedEvents.source(env, 20, e("a", 1, 5), e("a", 10, 2), e("b", 3, 3), e("a", 7, 5), e("a", 6, 1))
                .keyBy(event -> event.f0)
                .window(EventTimeSessionWindows.withDynamicGap((Tuple3<String, Long, Integer> event) -> event.f2))
                .reduce(PunctuatedEvents::sum, new PunctuatedEvents.FormatWindow())
                .addSink(windows).setParallelism(1);
        env.execute("dynamic session gaps");

        assertEquals(List.of("a@[1,12)=13", "b@[3,6)=3"), windows.drain().stream().sorted().toList());
    }

    /**
     * Tumbling windows of 10 ms with 10 ms allowed lateness, watermark = max timestamp: a late
     * element within the lateness fires its window again with the updated sum; after the
     * cleanup time (end - 1 + lateness) it is too late.
     *
     * <pre>
     *  (a,3,1) (a,12,2)  wm 12  a@[0,10)=1
     *  (a,5,4)           wm 12  a@[0,10)=5 (fired again)
     *  (a,25,8)          wm 25  a@[10,20)=2; [0,10) cleaned up at 19
     *  (a,6,16)          wm 25  too late: side output
     *  end                      a@[20,30)=8
     * </pre>
     */
    @Test
    void tumblingWindowFiresAgainForEachLateButAllowedEvent() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING);
        TestingCollectSink<String> windows = new TestingCollectSink<>();
        TestingCollectSink<Tuple3<String, Long, Integer>> late = new TestingCollectSink<>();
        SingleOutputStreamOperator<String> sums = PunctuatedEvents.source(env, 0,
                        e("a", 3, 1), e("a", 12, 2), e("a", 5, 4), e("a", 25, 8), e("a", 6, 16))
                .keyBy(event -> event.f0)
                .window(TumblingEventTimeWindows.of(ms(10)))
                .allowedLateness(ms(10))
                .sideOutputLateData(LATE)
                .reduce(PunctuatedEvents::sum, new PunctuatedEvents.FormatWindow());
        sums.addSink(windows).setParallelism(1);
        sums.getSideOutput(LATE).addSink(late).setParallelism(1);
        env.execute("allowed lateness");

        assertEquals(List.of("a@[0,10)=1", "a@[0,10)=5", "a@[10,20)=2", "a@[20,30)=8"), windows.drain());
        assertEquals(List.of(e("a", 6, 16)), late.drain());
    }

    /**
     * One bounded job, out of order but within the watermark's bound (nothing is late), run in
     * both modes: STREAMING fires windows as watermarks pass, BATCH only at the end of input (its
     * watermark jumps from the start to the end), and the final windows are the same.
     */
    @Test
    void sameBoundedJobGivesTheSameWindowsInBatchAndStreaming() throws Exception {
        List<String> expectedTumbling = List.of("a@[0,10)=3", "a@[10,20)=12", "a@[40,50)=16", "b@[0,10)=32",
                "b@[10,20)=64", "b@[20,30)=128");
        // a: [1,11) + [6,16) = [1,16); 18 opens [18,28); 13 bridges both into [1,28); 40 opens [40,50)
        // b: [8,18) + [15,25) + [22,32) = [8,32)
        List<String> expectedSessions = List.of("a@[1,28)=15", "a@[40,50)=16", "b@[8,32)=224");
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            StreamExecutionEnvironment env = env(mode);
            TestingCollectSink<String> tumbling = new TestingCollectSink<>();
            TestingCollectSink<String> sessions = new TestingCollectSink<>();
            DataStream<Tuple3<String, Long, Integer>> events = PunctuatedEvents.source(env, 5,
                    e("a", 1, 1), e("b", 8, 32), e("a", 6, 2), e("a", 18, 4), e("b", 15, 64), e("a", 13, 8),
                    e("b", 22, 128), e("a", 40, 16));
            events.keyBy(event -> event.f0)
                    .window(TumblingEventTimeWindows.of(ms(10)))
                    .reduce(PunctuatedEvents::sum, new PunctuatedEvents.FormatWindow())
                    .addSink(tumbling).setParallelism(1);
            events.keyBy(event -> event.f0)
                    .window(EventTimeSessionWindows.withGap(ms(10)))
                    .reduce(PunctuatedEvents::sum, new PunctuatedEvents.FormatWindow())
                    .addSink(sessions).setParallelism(1);
            env.execute("windows in " + mode);

            assertEquals(expectedTumbling, tumbling.drain().stream().sorted().toList(), mode + " tumbling");
            assertEquals(expectedSessions, sessions.drain().stream().sorted().toList(), mode + " sessions");
        }
    }
}
