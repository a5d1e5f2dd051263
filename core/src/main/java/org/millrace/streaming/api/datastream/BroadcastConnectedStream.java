package org.millrace.streaming.api.datastream;

import java.util.List;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.streaming.api.functions.co.BroadcastProcessFunction;
import org.millrace.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.millrace.streaming.api.graph.StreamNode;
import org.millrace.streaming.api.operators.StreamOperatorFactory;
import org.millrace.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.millrace.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.millrace.streaming.api.operators.co.TaggedUnion;
import org.millrace.streaming.api.operators.co.TaggedUnionTypeInfo;
import org.millrace.streaming.runtime.partitioner.BroadcastPartitioner;

/**
 * A stream (keyed or not) connected with a broadcast stream: {@code process} with a
 * {@link KeyedBroadcastProcessFunction} or a {@link BroadcastProcessFunction}. Both inputs reach
 * the operator tagged (see {@link ConnectedStreams}): the first over its own partitioning (by key
 * when keyed), the broadcast one over a broadcast exchange to every parallel instance.
 */
public class BroadcastConnectedStream<IN1, IN2> {

    private final DataStream<IN1> input;
    private final BroadcastStream<IN2> broadcast;

    BroadcastConnectedStream(DataStream<IN1> input, BroadcastStream<IN2> broadcast) {
        this.input = input;
        this.broadcast = broadcast;
    }

    public <KS, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
        TypeInformation<OUT> outType = TypeExtractor.getUnaryOperatorReturnType(function, KeyedBroadcastProcessFunction.class,
                1, 3, input.getType(), "KeyedBroadcastProcess");
        return process(function, outType);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public <KS, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
            TypeInformation<OUT> outputType) {
        if (!(input instanceof KeyedStream<IN1, ?> keyed)) {
            throw new UnsupportedOperationException("A KeyedBroadcastProcessFunction needs a keyed stream connected with the"
                    + " broadcast stream; use a BroadcastProcessFunction for a non-keyed one");
        }
        List<MapStateDescriptor<?, ?>> states = broadcast.getBroadcastStateDescriptors();
        DataStream<TaggedUnion<IN1, IN2>> first = ConnectedStreams.tag(ConnectedStreams.unpartitioned(input),
                new ConnectedStreams.TagOne<>(), type());
        KeyedStream<TaggedUnion<IN1, IN2>, Object> keyedFirst = first.keyBy(
                new ConnectedStreams.TaggedKeySelector(keyed.getKeySelector(), null));
        return withBroadcastInput(keyedFirst, "KeyedBroadcastProcess", outputType,
                p -> new CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>(p, function, states), function);
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        TypeInformation<OUT> outType = TypeExtractor.getUnaryOperatorReturnType(function, BroadcastProcessFunction.class,
                0, 2, input.getType(), "BroadcastProcess");
        return process(function, outType);
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function,
            TypeInformation<OUT> outputType) {
        if (input instanceof KeyedStream) {
            throw new UnsupportedOperationException("A keyed stream connected with a broadcast stream needs a"
                    + " KeyedBroadcastProcessFunction");
        }
        List<MapStateDescriptor<?, ?>> states = broadcast.getBroadcastStateDescriptors();
        DataStream<TaggedUnion<IN1, IN2>> first = ConnectedStreams.tag(input, new ConnectedStreams.TagOne<>(), type());
        return withBroadcastInput(first, "BroadcastProcess", outputType,
                p -> new CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>(p, function, states), function);
    }

    private TaggedUnionTypeInfo<IN1, IN2> type() {
        return new TaggedUnionTypeInfo<>(input.getType(), broadcast.getInput().getType());
    }

    /** The operator on {@code first}, with a second, broadcast edge from the tagged broadcast input. */
    private <OUT> SingleOutputStreamOperator<OUT> withBroadcastInput(DataStream<TaggedUnion<IN1, IN2>> first, String name,
            TypeInformation<OUT> outputType, StreamOperatorFactory<OUT> factory, Object function) {
        SingleOutputStreamOperator<OUT> result = first.transform(name, outputType, factory, function);
        DataStream<TaggedUnion<IN1, IN2>> second = ConnectedStreams.tag(ConnectedStreams.unpartitioned(broadcast.getInput()),
                new ConnectedStreams.TagTwo<>(), type());
        for (StreamNode producer : second.upstream) {
            result.environment.getStreamGraph().addEdge(producer, result.node, new BroadcastPartitioner<>(), null);
        }
        return result;
    }
}
