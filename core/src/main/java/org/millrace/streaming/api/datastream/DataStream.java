package org.millrace.streaming.api.datastream;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.api.common.state.MapStateDescriptor;
import org.millrace.api.common.functions.FilterFunction;
import org.millrace.api.common.functions.FlatMapFunction;
import org.millrace.api.common.functions.MapFunction;
import org.millrace.api.common.functions.Partitioner;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.connector.sink2.Sink;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.api.java.typeutils.FieldAccessor;
import org.millrace.api.java.typeutils.FieldAccessors;
import org.millrace.api.java.typeutils.TypeExtractor;
import org.millrace.core.fs.WriteMode;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.functions.ProcessFunction;
import org.millrace.streaming.api.functions.sink.PrintSinkFunction;
import org.millrace.streaming.api.functions.sink.SinkFunction;
import org.millrace.streaming.api.functions.sink.TextOutputSinkFunction;
import org.millrace.streaming.api.graph.StreamNode;
import org.millrace.streaming.api.operators.ChainingStrategy;
import org.millrace.streaming.api.operators.ProcessOperator;
import org.millrace.streaming.api.operators.SinkWriterOperator;
import org.millrace.streaming.api.operators.StreamFilter;
import org.millrace.streaming.api.operators.StreamFlatMap;
import org.millrace.streaming.api.operators.StreamMap;
import org.millrace.streaming.api.operators.StreamOperatorFactory;
import org.millrace.streaming.api.operators.StreamSink;
import org.millrace.streaming.api.windowing.assigners.GlobalWindows;
import org.millrace.streaming.api.windowing.assigners.WindowAssigner;
import org.millrace.streaming.api.windowing.evictors.CountEvictor;
import org.millrace.streaming.api.windowing.triggers.CountTrigger;
import org.millrace.streaming.api.windowing.triggers.PurgingTrigger;
import org.millrace.streaming.api.windowing.windows.GlobalWindow;
import org.millrace.streaming.api.windowing.windows.Window;
import org.millrace.streaming.runtime.partitioner.BroadcastPartitioner;
import org.millrace.streaming.runtime.partitioner.CustomPartitionerWrapper;
import org.millrace.streaming.runtime.partitioner.ForwardPartitioner;
import org.millrace.streaming.runtime.partitioner.GlobalPartitioner;
import org.millrace.streaming.runtime.partitioner.RebalancePartitioner;
import org.millrace.streaming.runtime.partitioner.RescalePartitioner;
import org.millrace.streaming.runtime.partitioner.ShufflePartitioner;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;
import org.millrace.streaming.runtime.operators.TimestampsAndWatermarksOperator;
import org.millrace.util.InstantiationUtil;
import org.millrace.util.OutputTag;

/**
 * A stream of records of one type, the result of a source or a transformation. Transformations
 * return new streams; nothing runs until {@code env.execute()}.
 *
 * <p>A stream may come from several upstream operators ({@link #union}) and may carry a partitioning
 * ({@link #rebalance()}, {@link #keyBy}, ...) that applies to the edge into the next operator.
 */
public class DataStream<T> {

    protected final StreamExecutionEnvironment environment;
    protected final List<StreamNode> upstream;
    protected final StreamPartitioner<T> partitioner;
    protected final TypeInformation<T> type;
    /** Per upstream node, the side output this stream reads from it, or null for its main output. */
    protected final List<OutputTag<?>> upstreamTags;

    protected DataStream(StreamExecutionEnvironment environment, List<StreamNode> upstream,
            StreamPartitioner<T> partitioner, TypeInformation<T> type) {
        this(environment, upstream, java.util.Collections.nCopies(upstream.size(), null), partitioner, type);
    }

    protected DataStream(StreamExecutionEnvironment environment, List<StreamNode> upstream, List<OutputTag<?>> upstreamTags,
            StreamPartitioner<T> partitioner, TypeInformation<T> type) {
        this.environment = environment;
        this.upstream = upstream;
        this.upstreamTags = upstreamTags;
        this.partitioner = partitioner;
        this.type = type;
    }

    DataStream(StreamExecutionEnvironment environment, StreamNode node, TypeInformation<T> type) {
        this(environment, List.of(node), null, type);
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public TypeInformation<T> getType() {
        return type;
    }

    /** The stream's parallelism (of its first upstream operator). */
    public int getParallelism() {
        return upstream.get(0).getParallelism();
    }

    // ------------------------------------------------------------------ transformations

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(mapper, MapFunction.class, 0, 1, type, "Map");
        return map(mapper, outType);
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return transform("Map", outputType, p -> new StreamMap<>(p, mapper), mapper);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(flatMapper, FlatMapFunction.class, 0, 1, type, "Flat Map");
        return flatMap(flatMapper, outType);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return transform("Flat Map", outputType, p -> new StreamFlatMap<>(p, flatMapper), flatMapper);
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", type, p -> new StreamFilter<>(p, filter), filter);
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(processFunction, ProcessFunction.class, 0, 1, type, "Process");
        return process(processFunction, outType);
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction, TypeInformation<R> outputType) {
        return transform("Process", outputType, p -> new ProcessOperator<>(p, processFunction), processFunction);
    }

    /**
     * Adds an operator made by {@code factory} consuming this stream. The function (if any) is
     * checked for serializability now, so the error names the operator instead of failing at submit.
     */
    public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outputType,
            StreamOperatorFactory<R> factory, Object userFunction) {
        if (userFunction != null) {
            InstantiationUtil.serializeOrExplain(userFunction, "the function of '" + operatorName + "'");
        }
        StreamNode node = environment.getStreamGraph().addNode(operatorName, factory, outputType,
                environment.getParallelism(), ChainingStrategy.ALWAYS);
        connectTo(node);
        return new SingleOutputStreamOperator<>(environment, node, outputType);
    }

    /** Adds the edges from this stream's upstream operators to {@code node}. */
    protected void connectTo(StreamNode node) {
        for (int i = 0; i < upstream.size(); i++) {
            environment.getStreamGraph().addEdge(upstream.get(i), node, partitioner, upstreamTags.get(i));
        }
    }

    // ------------------------------------------------------------------ event time

    /**
     * Gives every record the timestamp of {@code watermarkStrategy}'s assigner and replaces the
     * stream's watermarks with its generator's (the operator chains to its input). Prefer
     * {@code env.fromSource(source, strategy, ...)}, which does this inside the source.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        InstantiationUtil.serializeOrExplain(watermarkStrategy, "the watermark strategy of assignTimestampsAndWatermarks");
        return transform("Timestamps/Watermarks", type, p -> new TimestampsAndWatermarksOperator<>(p, watermarkStrategy), null);
    }

    // ------------------------------------------------------------------ windows of the whole stream

    /** Cuts the whole (non-keyed) stream into the windows of {@code assigner}; evaluated in one subtask. */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Tumbling count windows over the whole stream. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Sliding count windows over the whole stream. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    // ------------------------------------------------------------------ partitioning

    /** Partitions by key (by key group): all records with equal keys meet in the same subtask. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        InstantiationUtil.serializeOrExplain(keySelector, "the key selector of keyBy");
        return new KeyedStream<>(this, keySelector);
    }

    /** Partitions by the tuple/row field at {@code position} (or the value itself for atomic types with 0). */
    public KeyedStream<T, Object> keyBy(int position) {
        return keyBy(new FieldKeySelector<>(FieldAccessors.forPosition(type, position)));
    }

    /** Partitions by a named field: a POJO field or {@code f0..fN} of a tuple. */
    public KeyedStream<T, Object> keyBy(String field) {
        return keyBy(new FieldKeySelector<>(FieldAccessors.forExpression(type, field)));
    }

    /** Key selector reading one field through a {@link FieldAccessor}. */
    static final class FieldKeySelector<T> implements KeySelector<T, Object> {
        private static final long serialVersionUID = 1L;
        private final FieldAccessor<T, Object> accessor;

        FieldKeySelector(FieldAccessor<T, ?> accessor) {
            @SuppressWarnings("unchecked")
            FieldAccessor<T, Object> a = (FieldAccessor<T, Object>) accessor;
            this.accessor = a;
        }

        @Override
        public Object getKey(T value) {
            return accessor.get(value);
        }
    }

    public DataStream<T> rebalance() {
        return withPartitioner(new RebalancePartitioner<>());
    }

    public DataStream<T> rescale() {
        return withPartitioner(new RescalePartitioner<>(getParallelism()));
    }

    public DataStream<T> shuffle() {
        return withPartitioner(new ShufflePartitioner<>());
    }

    public DataStream<T> broadcast() {
        return withPartitioner(new BroadcastPartitioner<>());
    }

    public DataStream<T> forward() {
        return withPartitioner(new ForwardPartitioner<>());
    }

    public DataStream<T> global() {
        return withPartitioner(new GlobalPartitioner<>());
    }

    public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        InstantiationUtil.serializeOrExplain(partitioner, "the partitioner of partitionCustom");
        return withPartitioner(new CustomPartitionerWrapper<>(partitioner, keySelector));
    }

    public DataStream<T> partitionCustom(Partitioner<Object> partitioner, int field) {
        return partitionCustom(partitioner, new FieldKeySelector<>(FieldAccessors.forPosition(type, field)));
    }

    protected DataStream<T> withPartitioner(StreamPartitioner<T> newPartitioner) {
        return new DataStream<>(environment, upstream, upstreamTags, newPartitioner, type);
    }

    /** Merges streams of the same type into one; the inputs keep their partitioning. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<StreamNode> all = new ArrayList<>(upstream);
        List<OutputTag<?>> allTags = new ArrayList<>(upstreamTags);
        for (DataStream<T> other : others) {
            if (!other.type.equals(type)) {
                throw new InvalidProgramException("Cannot union streams of different types: " + type + " and " + other.type);
            }
            if (other.partitioner != partitioner && (other.partitioner != null || partitioner != null)) {
                throw new InvalidProgramException("union: partition the streams after the union, not before");
            }
            all.addAll(other.upstream);
            allTags.addAll(other.upstreamTags);
        }
        return new DataStream<>(environment, all, allTags, partitioner, type);
    }

    /**
     * Connects this stream with {@code other} (possibly of another type) for one operator that sees
     * both: {@code map}/{@code flatMap} with co-functions, or keyed {@code process}.
     */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        checkSameEnvironment(other, "connect");
        return new ConnectedStreams<>(this, other);
    }

    /**
     * This stream sent whole to every parallel instance of the operator it is connected to, which
     * keeps the broadcast states {@code broadcastStateDescriptors}:
     * {@code other.connect(stream.broadcast(descriptor)).process(...)}.
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        if (broadcastStateDescriptors.length == 0) {
            throw new IllegalArgumentException("broadcast(descriptors) needs at least one broadcast state descriptor");
        }
        return new BroadcastStream<>(this, List.of(broadcastStateDescriptors));
    }

    /** Connects this stream with a broadcast stream; see {@link BroadcastConnectedStream}. */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        checkSameEnvironment(broadcastStream.getInput(), "connect");
        return new BroadcastConnectedStream<>(this, broadcastStream);
    }

    /** Starts a window co-group with {@code other}: {@code .where(key1).equalTo(key2).window(assigner).apply(f)}. */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
        checkSameEnvironment(other, "coGroup");
        return new CoGroupedStreams<>(this, other);
    }

    /** Starts a window join with {@code other}: {@code .where(key1).equalTo(key2).window(assigner).apply(f)}. */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
        checkSameEnvironment(other, "join");
        return new JoinedStreams<>(this, other);
    }

    private void checkSameEnvironment(DataStream<?> other, String operation) {
        if (other.environment != environment) {
            throw new InvalidProgramException(operation + ": both streams must belong to the same environment");
        }
    }

    // ------------------------------------------------------------------ sinks

    public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
        return sink("Sink: Unnamed", p -> new StreamSink<>(p, sinkFunction), sinkFunction);
    }

    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return sink("Sink: Writer", p -> new SinkWriterOperator<>(p, sink), sink);
    }

    /** Writes each record's {@code toString()} to standard out. */
    public DataStreamSink<T> print() {
        return sink("Sink: Print to Std. Out", p -> new StreamSink<>(p, new PrintSinkFunction<T>()), null);
    }

    public DataStreamSink<T> print(String sinkIdentifier) {
        return sink("Sink: Print to Std. Out", p -> new StreamSink<>(p, new PrintSinkFunction<T>(sinkIdentifier, false)), null);
    }

    public DataStreamSink<T> printToErr() {
        return sink("Sink: Print to Std. Err", p -> new StreamSink<>(p, new PrintSinkFunction<T>(null, true)), null);
    }

    /** Writes each record's {@code toString()} as a line: one file at parallelism 1, else a directory of files 1..n. */
    public DataStreamSink<T> writeAsText(String path) {
        return writeAsText(path, WriteMode.NO_OVERWRITE);
    }

    public DataStreamSink<T> writeAsText(String path, WriteMode writeMode) {
        return sink("Sink: Write As Text", p -> new StreamSink<>(p, new TextOutputSinkFunction<T>(path, writeMode)), null);
    }

    private DataStreamSink<T> sink(String name, StreamOperatorFactory<Object> factory, Object function) {
        if (function != null) {
            InstantiationUtil.serializeOrExplain(function, "the sink '" + name + "'");
        }
        StreamNode node = environment.getStreamGraph().addNode(name, factory, null, environment.getParallelism(),
                ChainingStrategy.ALWAYS);
        connectTo(node);
        return new DataStreamSink<>(node);
    }
}
