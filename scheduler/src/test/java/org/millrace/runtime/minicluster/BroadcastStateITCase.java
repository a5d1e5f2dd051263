package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.millrace.runtime.minicluster.PunctuatedEvents.e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.functions.OpenContext;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.state.ReadOnlyBroadcastState;
import org.millrace.api.common.state.ValueState;
import org.millrace.api.common.state.ValueStateDescriptor;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.datastream.BroadcastStream;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.co.BroadcastProcessFunction;
import org.millrace.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.millrace.util.Collector;

/** The broadcast state pattern in whole jobs on the embedded cluster. */
@Timeout(120)
class BroadcastStateITCase {

    /** Thresholds by the event time from which they apply. */
    private static final MapStateDescriptor<Long, Integer> RULES = new MapStateDescriptor<>("rules", Types.LONG, Types.INT);

    /**
     * Per key, each event {@code (key, ts, value)} is judged at event time {@code ts} against the
     * threshold in force then (the rule with the latest timestamp up to {@code ts}): an event-time
     * timer waits until the watermarks of both inputs have passed {@code ts}, so every rule up to
     * then has reached every parallel instance, whatever the interleaving of the inputs.
     */
    static final class JudgeAgainstRuleInForce
            extends KeyedBroadcastProcessFunction<String, Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        private transient ValueState<Map<Long, Integer>> pending;

        @Override
        public void open(OpenContext openContext) {
            pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending", Types.MAP(Types.LONG, Types.INT)));
        }

        @Override
        public void processElement(Tuple3<String, Long, Integer> event, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Map<Long, Integer> byTime = pending.value() == null ? new TreeMap<>() : pending.value();
            byTime.put(event.f1, event.f2);
            pending.update(byTime);
            ctx.timerService().registerEventTimeTimer(event.f1);
        }

        @Override
        public void processBroadcastElement(Tuple3<String, Long, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f1, rule.f2);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            int value = pending.value().remove(timestamp);
            ReadOnlyBroadcastState<Long, Integer> rules = ctx.getBroadcastState(RULES);
            long inForce = Long.MIN_VALUE;
            for (Map.Entry<Long, Integer> rule : rules.immutableEntries()) {
                if (rule.getKey() <= timestamp && rule.getKey() > inForce) {
                    inForce = rule.getKey();
                }
            }
            out.collect(ctx.getCurrentKey() + "@" + timestamp + (value > rules.get(inForce) ? " ALERT" : " ok"));
        }
    }

    /**
     * Rules: threshold 10 from time 0, 3 from time 15. Events: a@5 7 (ok), b@6 12 (alert),
     * a@20 4 (alert), b@21 2 (ok), a@22 1 (ok).
     */
    @Test
    void keyedElementsReadTheBroadcastRulesThatEveryInstanceReceived() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        TestingCollectSink<String> out = new TestingCollectSink<>();
        BroadcastStream<Tuple3<String, Long, Integer>> rules = PunctuatedEvents.source(env, 0,
                e("rule", 0, 10), e("rule", 15, 3)).broadcast(RULES);
        PunctuatedEvents.source(env, 0, e("a", 5, 7), e("b", 6, 12), e("a", 20, 4), e("b", 21, 2), e("a", 22, 1))
                .keyBy(event -> event.f0)
                .connect(rules)
                .process(new JudgeAgainstRuleInForce())
                .addSink(out).setParallelism(1);
        env.execute("keyed broadcast");

        assertEquals(List.of("a@20 ALERT", "a@22 ok", "a@5 ok", "b@21 ok", "b@6 ALERT"), out.drain().stream().sorted().toList());
    }

    /** Reports which parallel instance saw which broadcast element, and passes the other input through. */
    static final class ReportInstances extends BroadcastProcessFunction<Integer, String, String> {
        @Override
        public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out) {
            out.collect("event " + value);
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(new MapStateDescriptor<>("rules", Types.LONG, Types.INT)).put((long) rule.length(), 0);
            out.collect("instance " + getRuntimeContext().getIndexOfThisSubtask() + " got " + rule);
        }
    }

    @Test
    void everyParallelInstanceReceivesEveryBroadcastElement() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        TestingCollectSink<String> out = new TestingCollectSink<>();
        env.fromElements(1, 2, 3).connect(env.fromElements("x", "y").broadcast(RULES))
                .process(new ReportInstances())
                .addSink(out).setParallelism(1);
        env.execute("non-keyed broadcast");

        assertEquals(List.of("event 1", "event 2", "event 3", "instance 0 got x", "instance 0 got y", "instance 1 got x",
                "instance 1 got y"), out.drain().stream().sorted().toList());
    }
}
