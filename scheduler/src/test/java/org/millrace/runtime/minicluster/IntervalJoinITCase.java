package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.millrace.runtime.minicluster.PunctuatedEvents.e;
import static org.millrace.runtime.minicluster.PunctuatedEvents.ms;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.datastream.KeyedStream;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.co.ProcessJoinFunction;
import org.millrace.util.Collector;

/**
 * Interval joins in whole jobs on the embedded cluster. Both inputs are in timestamp order with
 * watermark = max timestamp, so whatever their interleaving nothing is late and a buffered element
 * is dropped only after every partner it can have has arrived.
 *
 * <pre>
 *  left   (a,10,1) (b,12,2) (a,20,3) (a,30,4)
 *  right  (a,8,10) (a,11,20) (b,14,30) (a,25,40) (b,30,60) (a,34,50)
 * </pre>
 */
@Timeout(120)
class IntervalJoinITCase {

    /** {@code key:leftValue+rightValue@timestamp of the pair}. */
    static final class Describe extends ProcessJoinFunction<Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        @Override
        public void processElement(Tuple3<String, Long, Integer> left, Tuple3<String, Long, Integer> right, Context ctx,
                Collector<String> out) {
            out.collect(left.f0 + ":" + left.f2 + "+" + right.f2 + "@" + ctx.getTimestamp());
        }
    }

    private static List<String> run(boolean exclusiveBounds) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        TestingCollectSink<String> out = new TestingCollectSink<>();
        KeyedStream<Tuple3<String, Long, Integer>, String> left = PunctuatedEvents.source(env, 0,
                e("a", 10, 1), e("b", 12, 2), e("a", 20, 3), e("a", 30, 4)).keyBy(l -> l.f0);
        KeyedStream<Tuple3<String, Long, Integer>, String> right = PunctuatedEvents.source(env, 0,
                e("a", 8, 10), e("a", 11, 20), e("b", 14, 30), e("a", 25, 40), e("b", 30, 60), e("a", 34, 50)).keyBy(r -> r.f0);
        var joined = left.intervalJoin(right).between(ms(-2), ms(5));
        if (exclusiveBounds) {
            joined.lowerBoundExclusive().upperBoundExclusive();
        }
        joined.process(new Describe()).addSink(out).setParallelism(1);
        env.execute("interval join");
        return out.drain().stream().sorted().toList();
    }

    /**
     * {@code between(-2, 5)}: a left element at l pairs with right elements in [l-2, l+5]: a@10
     * with 8 and 11, a@20 with 25, a@30 with 34, b@12 with 14; b's right 30 finds no left.
     */
    @Test
    void intervalJoinPairsElementsWhoseTimestampsLieWithinTheBounds() throws Exception {
        assertEquals(List.of("a:1+10@10", "a:1+20@11", "a:3+40@25", "a:4+50@34", "b:2+30@14"), run(false));
    }

    /** Exclusive bounds make the interval [l-1, l+4]: 8 and 25 drop out. */
    @Test
    void exclusiveBoundsLeaveOutPartnersExactlyOnTheBounds() throws Exception {
        assertEquals(List.of("a:1+20@11", "a:4+50@34", "b:2+30@14"), run(true));
    }
}
