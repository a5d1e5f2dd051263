package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.millrace.runtime.minicluster.PunctuatedEvents.e;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.KeyedProcessFunction;
import org.millrace.util.Collector;

/** Event-time timers of a {@link KeyedProcessFunction} in a whole job on the embedded cluster. */
@Timeout(120)
class EventTimeTimersITCase {

    /** Each event {@code (key, timestamp, timer)} registers an event-time timer at {@code timer}. */
    static final class RegisterTimerAtValue extends KeyedProcessFunction<String, Tuple3<String, Long, Integer>, String> {
        @Override
        public void processElement(Tuple3<String, Long, Integer> event, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(event.f2);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            long wm = ctx.timerService().currentWatermark();
            out.collect(ctx.getCurrentKey() + "@" + timestamp + " wm=" + (wm == Long.MAX_VALUE ? "end" : wm)
                    + " ts=" + ctx.timestamp());
            if (timestamp == 30) {
                // registered while the final watermark fires timers: fires in the same pass
                ctx.timerService().registerEventTimeTimer(35);
            }
        }
    }

    /**
     * Watermark = max timestamp. Timers fire when the watermark reaches them, in timestamp order
     * over all keys, before the watermark goes on; a duplicate registration fires once; a timer
     * set in the past fires with the next watermark.
     *
     * <pre>
     *  event       timer set  watermark  fires
     *  (a,1,20)    a@20       1
     *  (b,2,12)    b@12       2
     *  (a,3,15)    a@15       3
     *  (b,4,25)    b@25       4
     *  (a,5,20)    (dup)      5
     *  (c,16,30)   c@30       16         b@12 a@15
     *  (c,17,14)   c@14       17         c@14
     *  (a,26,40)   a@40       26         a@20 b@25
     *  end                    MAX        c@30 (sets c@35) c@35 a@40
     * </pre>
     */
    @Test
    void eventTimeTimersFireInTimestampOrderAsTheWatermarkPasses() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        TestingCollectSink<String> fired = new TestingCollectSink<>();
        PunctuatedEvents.source(env, 0,
                        e("a", 1, 20), e("b", 2, 12), e("a", 3, 15), e("b", 4, 25), e("a", 5, 20),
                        e("c", 16, 30), e("c", 17, 14), e("a", 26, 40))
                .keyBy(event -> event.f0)
                .process(new RegisterTimerAtValue())
                .addSink(fired);
        env.execute("event-time timers");

        assertEquals(List.of(
                "b@12 wm=16 ts=12", "a@15 wm=16 ts=15",
                "c@14 wm=17 ts=14",
                "a@20 wm=26 ts=20", "b@25 wm=26 ts=25",
                "c@30 wm=end ts=30", "c@35 wm=end ts=35", "a@40 wm=end ts=40"), fired.drain());
    }
}
