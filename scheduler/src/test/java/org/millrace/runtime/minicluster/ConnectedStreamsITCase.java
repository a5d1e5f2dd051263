package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.millrace.runtime.minicluster.PunctuatedEvents.byKey;
import static org.millrace.runtime.minicluster.PunctuatedEvents.e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.co.CoFlatMapFunction;
import org.millrace.streaming.api.functions.co.CoMapFunction;
import org.millrace.streaming.api.functions.co.KeyedCoProcessFunction;
import org.millrace.util.Collector;

/** Two-input operators ({@code connect}) in whole jobs on the embedded cluster. */
@Timeout(120)
class ConnectedStreamsITCase {

    private static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        return env;
    }

    /** Names the input of each element. */
    static final class DescribeEither implements CoMapFunction<Integer, String, String> {
        @Override
        public String map1(Integer value) {
            return "int " + value;
        }

        @Override
        public String map2(String value) {
            return "string " + value;
        }
    }

    /** A number and ten times it; a non-empty string's length times 100. */
    static final class TwiceOrLength implements CoFlatMapFunction<Integer, String, Integer> {
        @Override
        public void flatMap1(Integer value, Collector<Integer> collector) {
            collector.collect(value);
            collector.collect(value * 10);
        }

        @Override
        public void flatMap2(String value, Collector<Integer> collector) {
            if (!value.isEmpty()) {
                collector.collect(value.length() * 100);
            }
        }
    }

    @Test
    void coMapSeesBothInputsEachWithItsOwnFunction() throws Exception {
        StreamExecutionEnvironment env = env();
        TestingCollectSink<String> out = new TestingCollectSink<>();
        env.fromElements(1, 2, 3).connect(env.fromElements("x", "yy"))
                .map(new DescribeEither())
                .addSink(out).setParallelism(1);
        env.execute("co-map");

        assertEquals(List.of("int 1", "int 2", "int 3", "string x", "string yy"), out.drain().stream().sorted().toList());
    }

    @Test
    void coFlatMapEmitsAnyNumberPerElementOfEitherInput() throws Exception {
        StreamExecutionEnvironment env = env();
        TestingCollectSink<Integer> out = new TestingCollectSink<>();
        env.fromElements(1, 2).connect(env.fromElements("abc", ""))
                .flatMap(new TwiceOrLength())
                .addSink(out).setParallelism(1);
        env.execute("co-flat-map");

        assertEquals(List.of(1, 2, 10, 20, 300), out.drain().stream().sorted().toList());
    }

    /**
     * Per key, each order {@code (key, ts, _)} sets an event-time timer at {@code ts + 10}; at the
     * timer the function reports the key's payments {@code (key, ts, amount)} with a timestamp up
     * to the timer's. Both inputs are in timestamp order with watermark = max timestamp, but they
     * run in separate tasks, so either may be ahead: only if timers wait for the minimum of both
     * inputs' watermarks is every payment up to the timer's time in, whatever the interleaving.
     *
     * <pre>
     *  orders    (a,1) (b,5) (a,12)                      timers a@11 b@15 a@22
     *  payments  (a,3,10) (b,8,20) (a,11,30) (a,20,40) (b,16,50) (a,30,60)
     *  a@11: 10 + 30 = 40    b@15: 20 (b's 16 is after)    a@22: 10 + 30 + 40 = 80
     * </pre>
     */
    @Test
    void keyedCoProcessTimersWaitForTheWatermarksOfBothInputs() throws Exception {
        StreamExecutionEnvironment env = env();
        TestingCollectSink<String> out = new TestingCollectSink<>();
        var orders = PunctuatedEvents.source(env, 0, e("a", 1, 0), e("b", 5, 0), e("a", 12, 0));
        var payments = PunctuatedEvents.source(env, 0, e("a", 3, 10), e("b", 8, 20), e("a", 11, 30), e("a", 20, 40),
                e("b", 16, 50), e("a", 30, 60));
        orders.keyBy(order -> order.f0)
                .connect(payments.keyBy(payment -> payment.f0))
                .process(new PaidByDeadline())
                .addSink(out).setParallelism(1);
        env.execute("keyed co-process");

        assertEquals(Map.of("a", List.of("a@11 paid=40", "a@22 paid=80"), "b", List.of("b@15 paid=20")),
                byKey(out.drain()));
    }

    /** See {@link #keyedCoProcessTimersWaitForTheWatermarksOfBothInputs}. */
    static final class PaidByDeadline
            extends KeyedCoProcessFunction<String, Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        private transient ValueState<Map<Long, Integer>> payments;

        @Override
        public void open(org.millrace.api.common.functions.OpenContext openContext) {
            payments = getRuntimeContext().getState(new ValueStateDescriptor<>("payments", Types.MAP(Types.LONG, Types.INT)));
        }

        @Override
        public void processElement1(Tuple3<String, Long, Integer> order, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(order.f1 + 10);
        }

        @Override
        public void processElement2(Tuple3<String, Long, Integer> payment, Context ctx, Collector<String> out) throws Exception {
            Map<Long, Integer> byTime = payments.value();
            if (byTime == null) {
                byTime = new TreeMap<>();
            }
            byTime.merge(payment.f1, payment.f2, Integer::sum);
            payments.update(byTime);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            int paid = 0;
            Map<Long, Integer> byTime = payments.value();
            if (byTime != null) {
                for (Map.Entry<Long, Integer> payment : byTime.entrySet()) {
                    if (payment.getKey() <= timestamp) {
                        paid += payment.getValue();
                    }
                }
            }
            out.collect(ctx.getCurrentKey() + "@" + timestamp + " paid=" + paid);
        }
    }
}
