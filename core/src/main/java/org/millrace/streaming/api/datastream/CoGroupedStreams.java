package org.millrace.streaming.api.datastream;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.common.functions.CoGroupFunction;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.streaming.api.functions.windowing.WindowFunction;
import org.millrace.streaming.api.operators.co.TaggedUnion;
import org.millrace.streaming.api.windowing.assigners.WindowAssigner;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.util.Collector;

/**
 * Two streams grouped by key and window together ({@code a.coGroup(b).where(ka).equalTo(kb)
 * .window(assigner).apply(function)}): per key and window, the function gets the elements of
 * both inputs. It runs as one window operator over both inputs tagged and unioned (see
 * {@link ConnectedStreams}), so windows fire on the minimum of both inputs' watermarks.
 */
public class CoGroupedStreams<T1, T2> {

    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = input1;
        this.input2 = input2;
    }

    /** The key of the first input's elements. */
    public <K> Where<K> where(KeySelector<T1, K> keySelector) {
        return new Where<>(keySelector);
    }

    /** Needs the second input's key. */
    public class Where<K> {
        private final KeySelector<T1, K> keySelector1;

        Where(KeySelector<T1, K> keySelector1) {
            this.keySelector1 = keySelector1;
        }

        /** The key of the second input's elements; equal keys are grouped together. */
        public EqualTo equalTo(KeySelector<T2, K> keySelector2) {
            return new EqualTo(keySelector2);
        }

        /** Needs the windows. */
        public class EqualTo {
            private final KeySelector<T2, K> keySelector2;

            EqualTo(KeySelector<T2, K> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            /** Groups each key's elements of both inputs into the windows of {@code assigner}. */
            public <W extends Window> WithWindow<T1, T2, K, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                KeyedStream<TaggedUnion<T1, T2>, K> tagged = new ConnectedStreams<>(input1, input2)
                        .keyBy(keySelector1, keySelector2).keyedTagged();
                return new WithWindow<>(input1.getType(), new WindowedStream<>(tagged, assigner));
            }
        }
    }

    /** Co-grouped streams with their windows: optionally a trigger, evictor or lateness, then the function. */
    public static class WithWindow<T1, T2, K, W extends Window>
            extends TwoInputWindowSettings<T1, T2, K, W, WithWindow<T1, T2, K, W>> {
        private final TypeInformation<T1> firstType;

        WithWindow(TypeInformation<T1> firstType, WindowedStream<TaggedUnion<T1, T2>, K, W> windowed) {
            super(windowed);
            this.firstType = firstType;
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            TypeInformation<T> resultType = TypeExtractor.getUnaryOperatorReturnType(function, CoGroupFunction.class, 0, 2,
                    firstType, "CoGroup");
            return apply(function, resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return windowed.apply(new CoGroupWindowFunction<>(function), resultType).name(windowed.name("CoGroup"));
        }
    }

    /** Splits a window's tagged elements by input and hands both groups to the co-group function. */
    static final class CoGroupWindowFunction<T1, T2, T, K, W extends Window>
            implements WindowFunction<TaggedUnion<T1, T2>, T, K, W> {
        private static final long serialVersionUID = 1L;

        private final CoGroupFunction<T1, T2, T> function;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void apply(K key, W window, Iterable<TaggedUnion<T1, T2>> input, Collector<T> out) throws Exception {
            List<T1> first = new ArrayList<>();
            List<T2> second = new ArrayList<>();
            for (TaggedUnion<T1, T2> element : input) {
                if (element.isOne()) {
                    first.add(element.getOne());
                } else {
                    second.add(element.getTwo());
                }
            }
            function.coGroup(first, second, out);
        }
    }
}
