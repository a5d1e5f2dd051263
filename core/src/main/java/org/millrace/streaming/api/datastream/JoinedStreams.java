package org.millrace.streaming.api.datastream;

import org.millrace.api.common.functions.CoGroupFunction;
import org.millrace.api.common.functions.JoinFunction;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.streaming.api.operators.co.TaggedUnion;
import org.millrace.streaming.api.windowing.assigners.WindowAssigner;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;

/**
 * A window join ({@code a.join(b).where(ka).equalTo(kb).window(assigner).apply(function)}): per
 * key and window, the function gets every pair of one element of each input (an inner join). A
 * co-group whose function loops over both groups.
 */
public class JoinedStreams<T1, T2> {

    private final CoGroupedStreams<T1, T2> coGrouped;
    private final TypeInformation<T1> firstType;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.coGrouped = new CoGroupedStreams<>(input1, input2);
        this.firstType = input1.getType();
    }

    /** The key of the first input's elements. */
    public <K> Where<K> where(KeySelector<T1, K> keySelector) {
        return new Where<>(coGrouped.where(keySelector));
    }

    /** Needs the second input's key. */
    public class Where<K> {
        private final CoGroupedStreams<T1, T2>.Where<K> where;

        Where(CoGroupedStreams<T1, T2>.Where<K> where) {
            this.where = where;
        }

        /** The key of the second input's elements; elements with equal keys are joined. */
        public EqualTo equalTo(KeySelector<T2, K> keySelector2) {
            return new EqualTo(where.equalTo(keySelector2));
        }

        /** Needs the windows. */
        public class EqualTo {
            private final CoGroupedStreams<T1, T2>.Where<K>.EqualTo equalTo;

            EqualTo(CoGroupedStreams<T1, T2>.Where<K>.EqualTo equalTo) {
                this.equalTo = equalTo;
            }

            /** Joins elements of equal keys within the windows of {@code assigner}. */
            public <W extends Window> WithWindow<T1, T2, K, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(firstType, equalTo.window(assigner));
            }
        }
    }

    /** Joined streams with their windows: optionally a trigger, evictor or lateness, then the function. */
    public static class WithWindow<T1, T2, K, W extends Window>
            extends TwoInputWindowSettings<T1, T2, K, W, WithWindow<T1, T2, K, W>> {
        private final TypeInformation<T1> firstType;
        private final CoGroupedStreams.WithWindow<T1, T2, K, W> coGrouped;

        WithWindow(TypeInformation<T1> firstType, CoGroupedStreams.WithWindow<T1, T2, K, W> coGrouped) {
            super(coGrouped.windowed);
            this.firstType = firstType;
            this.coGrouped = coGrouped;
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            TypeInformation<T> resultType = TypeExtractor.getUnaryOperatorReturnType(function, JoinFunction.class, 0, 2,
                    firstType, "Join");
            return apply(function, resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return coGrouped.apply(new NestedLoopJoin<>(function), resultType).name("Join");
        }
    }

    /** Every pair of the two groups, in order: first input outer, second inner. */
    static final class NestedLoopJoin<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;

        private final JoinFunction<T1, T2, T> function;

        NestedLoopJoin(JoinFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 a : first) {
                for (T2 b : second) {
                    out.collect(function.join(a, b));
                }
            }
        }
    }
}
