package org.millrace.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.millrace.runtime.minicluster.PunctuatedEvents.e;
import static org.millrace.runtime.minicluster.PunctuatedEvents.ms;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.common.functions.CoGroupFunction;
import org.millrace.api.common.functions.JoinFunction;
import org.millrace.api.java.tuple.Tuple3;
import org.millrace.streaming.api.datastream.DataStream;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.millrace.util.Collector;

/**
 * Window joins and co-groups of two streams in whole jobs on the embedded cluster. Both inputs are
 * in timestamp order with watermark = max timestamp; windows fire on the minimum of the two, so
 * whatever the interleaving of the inputs nothing is late and the output is fixed.
 *
 * <pre>
 *  left   (a,1,1) (b,2,2) (a,5,3) (a,12,4) (b,15,5)
 *  right  (a,3,10) (c,4,40) (a,8,20) (b,11,30) (a,14,50)
 *  [0,10):  a: left 1 3, right 10 20    b: left 2    c: right 40
 *  [10,20): a: left 4, right 50         b: left 5, right 30
 * </pre>
 */
@Timeout(120)
class WindowJoinITCase {

    private static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        return env;
    }

    private static DataStream<Tuple3<String, Long, Integer>> left(StreamExecutionEnvironment env) {
        return PunctuatedEvents.source(env, 0, e("a", 1, 1), e("b", 2, 2), e("a", 5, 3), e("a", 12, 4), e("b", 15, 5));
    }

    private static DataStream<Tuple3<String, Long, Integer>> right(StreamExecutionEnvironment env) {
        return PunctuatedEvents.source(env, 0, e("a", 3, 10), e("c", 4, 40), e("a", 8, 20), e("b", 11, 30), e("a", 14, 50));
    }

    /** {@code key:leftValue x rightValue}. */
    static final class Pair implements JoinFunction<Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        @Override
        public String join(Tuple3<String, Long, Integer> l, Tuple3<String, Long, Integer> r) {
            return l.f0 + ":" + l.f2 + "x" + r.f2;
        }
    }

    /** {@code key [left values] [right values]}. */
    static final class Groups implements CoGroupFunction<Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        @Override
        public void coGroup(Iterable<Tuple3<String, Long, Integer>> first, Iterable<Tuple3<String, Long, Integer>> second,
                Collector<String> out) {
            String key = null;
            List<Integer> lefts = new ArrayList<>();
            List<Integer> rights = new ArrayList<>();
            for (Tuple3<String, Long, Integer> l : first) {
                key = l.f0;
                lefts.add(l.f2);
            }
            for (Tuple3<String, Long, Integer> r : second) {
                key = r.f0;
                rights.add(r.f2);
            }
            out.collect(key + " " + lefts + " " + rights);
        }
    }

    @Test
    void windowJoinPairsTheElementsOfEqualKeysInEachWindow() throws Exception {
        StreamExecutionEnvironment env = env();
        TestingCollectSink<String> out = new TestingCollectSink<>();
        left(env).join(right(env))
                .where(l -> l.f0).equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(ms(10)))
                .apply(new Pair())
                .addSink(out).setParallelism(1);
        env.execute("window join");

        assertEquals(List.of("a:1x10", "a:1x20", "a:3x10", "a:3x20", "a:4x50", "b:5x30"), out.drain().stream().sorted().toList());
    }

    @Test
    void coGroupGetsBothGroupsOfAKeyPerWindowEvenWhenOneIsEmpty() throws Exception {
        StreamExecutionEnvironment env = env();
        TestingCollectSink<String> out = new TestingCollectSink<>();
        left(env).coGroup(right(env))
                .where(l -> l.f0).equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(ms(10)))
                .apply(new Groups())
                .addSink(out).setParallelism(1);
        env.execute("window co-group");

        assertEquals(List.of("a [1, 3] [10, 20]", "a [4] [50]", "b [2] []", "b [5] [30]", "c [] [40]"),
                out.drain().stream().sorted().toList());
    }
}
