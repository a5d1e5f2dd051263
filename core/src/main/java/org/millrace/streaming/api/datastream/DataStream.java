package org.millrace.streaming.api.datastream;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.common.InvalidProgramException;
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
import org.millrace.streaming.runtime.partitioner.BroadcastPartitioner;
import org.millrace.streaming.runtime.partitioner.CustomPartitionerWrapper;
import org.millrace.streaming.runtime.partitioner.ForwardPartitioner;
import org.millrace.streaming.runtime.partitioner.GlobalPartitioner;
import org.millrace.streaming.runtime.partitioner.RebalancePartitioner;
import org.millrace.streaming.runtime.partitioner.RescalePartitioner;
import org.millrace.streaming.runtime.partitioner.ShufflePartitioner;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;
import org.millrace.util.InstantiationUtil;

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

    protected DataStream(StreamExecutionEnvironment environment, List<StreamNode> upstream,
            StreamPartitioner<T> partitioner, TypeInformation<T> type) {
        this.environment = environment;
        this.upstream = upstream;
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
        for (StreamNode up : upstream) {
            environment.getStreamGraph().addEdge(up, node, partitioner);
        }
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
        return new DataStream<>(environment, upstream, newPartitioner, type);
    }

    /** Merges streams of the same type into one; the inputs keep their partitioning. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<StreamNode> all = new ArrayList<>(upstream);
        for (DataStream<T> other : others) {
            if (!other.type.equals(type)) {
                throw new InvalidProgramException("Cannot union streams of different types: " + type + " and " + other.type);
            }
            if (other.partitioner != partitioner && (other.partitioner != null || partitioner != null)) {
                throw new InvalidProgramException("union: partition the streams after the union, not before");
            }
            all.addAll(other.upstream);
        }
        return new DataStream<>(environment, all, partitioner, type);
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
