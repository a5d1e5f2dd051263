package org.millrace.streaming.api.datastream;

import java.util.List;
import org.millrace.api.common.functions.MapFunction;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.streaming.api.functions.co.CoFlatMapFunction;
import org.millrace.streaming.api.functions.co.CoMapFunction;
import org.millrace.streaming.api.functions.co.KeyedCoProcessFunction;
import org.millrace.streaming.api.operators.co.CoStreamFlatMap;
import org.millrace.streaming.api.operators.co.CoStreamMap;
import org.millrace.streaming.api.operators.co.KeyedCoProcessOperator;
import org.millrace.streaming.api.operators.co.TaggedUnion;
import org.millrace.streaming.api.operators.co.TaggedUnionTypeInfo;

/**
 * Two streams, possibly of different types, processed by one operator that sees both
 * ({@code a.connect(b)}): {@code map}/{@code flatMap} with a {@link CoMapFunction} or
 * {@link CoFlatMapFunction}, or, keyed by one key type on both sides, {@code process} with a
 * {@link KeyedCoProcessFunction} sharing state and timers.
 *
 * <p>How it runs: each input's elements are wrapped as a {@link TaggedUnion} by a map chained to
 * the input's producer, the two tagged streams are unioned into the operator, which dispatches on
 * the tag. The operator's input watermark is the minimum over the channels of both inputs (idle
 * ones left out), which is the minimum over the two inputs.
 */
public class ConnectedStreams<IN1, IN2> {

    private final DataStream<IN1> input1;
    private final DataStream<IN2> input2;
    private final KeySelector<IN1, ?> keySelector1;
    private final KeySelector<IN2, ?> keySelector2;

    ConnectedStreams(DataStream<IN1> input1, DataStream<IN2> input2) {
        this(input1, input2, input1 instanceof KeyedStream<IN1, ?> k1 ? k1.getKeySelector() : null,
                input2 instanceof KeyedStream<IN2, ?> k2 ? k2.getKeySelector() : null);
    }

    private ConnectedStreams(DataStream<IN1> input1, DataStream<IN2> input2, KeySelector<IN1, ?> keySelector1,
            KeySelector<IN2, ?> keySelector2) {
        this.input1 = input1;
        this.input2 = input2;
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
    }

    public DataStream<IN1> getFirstInput() {
        return input1;
    }

    public DataStream<IN2> getSecondInput() {
        return input2;
    }

    /** Partitions both inputs by key, so elements of both with equal keys meet in one subtask. */
    public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        return new ConnectedStreams<>(input1, input2, keySelector1, keySelector2);
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(coMapper, CoMapFunction.class, 0, 2,
                input1.getType(), "Co-Map");
        return map(coMapper, outType);
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper, TypeInformation<R> outputType) {
        return tagged().transform("Co-Map", outputType, p -> new CoStreamMap<>(p, coMapper), coMapper);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(coFlatMapper, CoFlatMapFunction.class, 0, 2,
                input1.getType(), "Co-Flat Map");
        return flatMap(coFlatMapper, outType);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper, TypeInformation<R> outputType) {
        return tagged().transform("Co-Flat Map", outputType, p -> new CoStreamFlatMap<>(p, coFlatMapper), coFlatMapper);
    }

    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(function, KeyedCoProcessFunction.class, 1, 3,
                input1.getType(), "KeyedCoProcess");
        return process(function, outType);
    }

    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function,
            TypeInformation<R> outputType) {
        if (keySelector1 == null || keySelector2 == null) {
            throw new UnsupportedOperationException("A KeyedCoProcessFunction needs both inputs keyed: connect two keyed"
                    + " streams or call keyBy(keySelector1, keySelector2) on the connected streams");
        }
        return tagged().transform("KeyedCoProcess", outputType, p -> new KeyedCoProcessOperator<K, IN1, IN2, R>(p, function),
                function);
    }

    /**
     * Both inputs as one stream of tagged elements: keyed by the pair of key selectors when
     * keyed, else each input keeps its own partitioning into the tagging map.
     */
    private DataStream<TaggedUnion<IN1, IN2>> tagged() {
        boolean keyed = keySelector1 != null && keySelector2 != null;
        return keyed ? keyedTagged() : taggedKeepingPartitioning();
    }

    private DataStream<TaggedUnion<IN1, IN2>> taggedKeepingPartitioning() {
        TaggedUnionTypeInfo<IN1, IN2> type = new TaggedUnionTypeInfo<>(input1.getType(), input2.getType());
        return tag(input1, new TagOne<>(), type).union(tag(input2, new TagTwo<>(), type));
    }

    /** Both inputs tagged, unioned and keyed by the pair of key selectors (also for window joins). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <K> KeyedStream<TaggedUnion<IN1, IN2>, K> keyedTagged() {
        TaggedUnionTypeInfo<IN1, IN2> type = new TaggedUnionTypeInfo<>(input1.getType(), input2.getType());
        DataStream<TaggedUnion<IN1, IN2>> one = tag(unpartitioned(input1), new TagOne<>(), type);
        DataStream<TaggedUnion<IN1, IN2>> two = tag(unpartitioned(input2), new TagTwo<>(), type);
        return one.union(two).keyBy(new TaggedKeySelector(keySelector1, keySelector2));
    }

    /** The stream without the keyBy in front of it: the tagging map chains to the producer instead. */
    static <T> DataStream<T> unpartitioned(DataStream<T> input) {
        return new DataStream<>(input.environment, input.upstream, input.upstreamTags, null, input.type);
    }

    /** Tags {@code input}'s elements, chained to its producer when it has one producer and no partitioning. */
    static <T, T1, T2> SingleOutputStreamOperator<TaggedUnion<T1, T2>> tag(DataStream<T> input,
            MapFunction<T, TaggedUnion<T1, T2>> tagger, TaggedUnionTypeInfo<T1, T2> type) {
        SingleOutputStreamOperator<TaggedUnion<T1, T2>> tagged = input.map(tagger, type);
        List<org.millrace.streaming.api.graph.StreamNode> producers = input.upstream;
        if (input.partitioner == null && producers.size() == 1) {
            tagged.setParallelism(producers.get(0).getParallelism());
        }
        return tagged.name("Tag input");
    }

    /** Wraps an element of the first input. */
    static final class TagOne<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(value);
        }
    }

    /** Wraps an element of the second input. */
    static final class TagTwo<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(value);
        }
    }

    /** The key of a tagged element: the first input's selector or the second's (null: that input has no key). */
    static final class TaggedKeySelector<T1, T2, K> implements KeySelector<TaggedUnion<T1, T2>, K> {
        private static final long serialVersionUID = 1L;

        private final KeySelector<T1, K> one;
        private final KeySelector<T2, K> two;

        TaggedKeySelector(KeySelector<T1, K> one, KeySelector<T2, K> two) {
            this.one = one;
            this.two = two;
        }

        @Override
        public K getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? one.getKey(value.getOne()) : two.getKey(value.getTwo());
        }
    }
}
