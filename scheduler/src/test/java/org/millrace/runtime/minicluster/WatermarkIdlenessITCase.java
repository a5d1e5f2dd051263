package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.streaming.api.functions.windowing.ProcessWindowFunction;
import org.millrace.streaming.api.source.InputStatus;
import org.millrace.streaming.api.source.ReaderOutput;
import org.millrace.streaming.api.source.ReaderSource;
import org.millrace.streaming.api.source.SourceReader;
import org.millrace.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.millrace.streaming.api.windowing.windows.TimeWindow;
import org.millrace.util.Collector;

/**
 * An idle source partition must not hold back event time. The source has two subtasks: the first
 * emits three events, the second none; both then stay open until the first window has reached the
 * sink. Without idleness the window operator's watermark (the minimum over both partitions) would
 * stay at its start, the window would fire only at the end of input, and the job would never end
 * (the test times out). With {@code withIdleness} the empty partition is declared idle and left out
 * of the minimum, so the window fires on the first partition's watermark.
 */
@Timeout(120)
class WatermarkIdlenessITCase {

    /** Completed by the sink when the first window arrived; the sources end then. */
    private static volatile CompletableFuture<Void> firstWindowSeen;

    /** Subtask 0 emits {@code (a,1,1) (a,2,2) (a,12,4)}, subtask 1 nothing; both end once a window was seen. */
    static final class OnePartitionQuietSource implements ReaderSource<Tuple3<String, Long, Integer>> {
        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public SourceReader<Tuple3<String, Long, Integer>> createReader(int subtaskIndex, int parallelism) {
            List<Tuple3<String, Long, Integer>> events = subtaskIndex == 0
                    ? List.of(PunctuatedEvents.e("a", 1, 1), PunctuatedEvents.e("a", 2, 2), PunctuatedEvents.e("a", 12, 4))
                    : List.of();
            return new SourceReader<>() {
                private int next;

                @Override
                public InputStatus pollNext(ReaderOutput<Tuple3<String, Long, Integer>> output) {
                    if (next < events.size()) {
                        Tuple3<String, Long, Integer> event = events.get(next++);
                        output.collect(event, event.f1);
                        return InputStatus.MORE_AVAILABLE;
                    }
                    return firstWindowSeen.isDone() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
                }

                @Override
                public CompletableFuture<?> isAvailable() {
                    return firstWindowSeen;
                }
            };
        }
    }

    /** {@code key@[start,end)=sum wm=<watermark when it fired>}. */
    static final class FormatWithWatermark extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple3<String, Long, Integer>> sums, Collector<String> out) {
            long wm = ctx.currentWatermark();
            out.collect(key + "@[" + ctx.window().getStart() + "," + ctx.window().getEnd() + ")=" + sums.iterator().next().f2
                    + " wm=" + (wm == Long.MAX_VALUE ? "end" : wm));
        }
    }

    /** Collects like {@link TestingCollectSink} and lets the sources end after the first window. */
    static final class CollectAndRelease implements SinkFunction<String> {
        private final TestingCollectSink<String> target;

        CollectAndRelease(TestingCollectSink<String> target) {
            this.target = target;
        }

        @Override
        public void invoke(String value) throws Exception {
            target.invoke(value);
            firstWindowSeen.complete(null);
        }
    }

    @Test
    void idlePartitionDoesNotStallTheWatermark() throws Exception {
        firstWindowSeen = new CompletableFuture<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.getConfig().setAutoWatermarkInterval(5);
        TestingCollectSink<String> windows = new TestingCollectSink<>();
        WatermarkStrategy<Tuple3<String, Long, Integer>> strategy = WatermarkStrategy
                .<Tuple3<String, Long, Integer>>forBoundedOutOfOrderness(Duration.ZERO)
                .withIdleness(Duration.ofMillis(20));
        env.fromSource(new OnePartitionQuietSource(), strategy, "one quiet partition", PunctuatedEvents.TYPE)
                .setParallelism(2)
                .keyBy(event -> event.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .reduce(PunctuatedEvents::sum, new FormatWithWatermark())
                .addSink(new CollectAndRelease(windows));
        env.execute("idle partition");

        // bounded out-of-orderness 0: watermark = 12 - 0 - 1 = 11 once the events are in
        assertEquals(List.of("a@[0,10)=3 wm=11", "a@[10,20)=4 wm=end"), windows.drain());
    }
}
