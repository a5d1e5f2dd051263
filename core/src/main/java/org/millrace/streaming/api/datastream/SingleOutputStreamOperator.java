package org.millrace.streaming.api.datastream;

import java.util.Collections;
import java.util.List;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.streaming.api.environment.StreamExecutionEnvironment;
import org.millrace.streaming.api.graph.StreamNode;
import org.millrace.streaming.api.operators.ChainingStrategy;
import org.millrace.util.OutputTag;

/** The stream produced by one operator, with the setters that configure that operator. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    protected final StreamNode node;

    SingleOutputStreamOperator(StreamExecutionEnvironment environment, StreamNode node, TypeInformation<T> type) {
        super(environment, node, type);
        this.node = node;
    }

    /** The operator's name in the job graph, logs and error messages. */
    public SingleOutputStreamOperator<T> name(String name) {
        node.setName(name);
        return this;
    }

    public String getName() {
        return node.getName();
    }

    /** A stable id for the operator's state across job versions (savepoints). */
    public SingleOutputStreamOperator<T> uid(String uid) {
        node.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        node.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("The max parallelism must be in [1, 32768], was " + maxParallelism);
        }
        node.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Keeps this operator out of any chain. */
    public SingleOutputStreamOperator<T> disableChaining() {
        node.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    /** Starts a new chain at this operator; later operators may chain to it. */
    public SingleOutputStreamOperator<T> startNewChain() {
        node.setChainingStrategy(ChainingStrategy.HEAD);
        return this;
    }

    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        node.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    /**
     * Declares the output type where it cannot be inferred (lambdas returning generic types). The
     * declared type replaces the inferred one for this operator's output.
     */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        return retyped(typeInfo);
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return retyped(typeHint.getTypeInfo());
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return retyped(TypeInformation.of(typeClass));
    }

    private SingleOutputStreamOperator<T> retyped(TypeInformation<T> newType) {
        if (!node.getOutEdges().isEmpty()) {
            throw new InvalidProgramException("returns(...) must be called right after the operator '" + node.getName()
                    + "', before its output is used");
        }
        node.setOutputType(newType);
        return new SingleOutputStreamOperator<>(environment, node, newType);
    }

    /**
     * The records this operator emitted to the side output {@code sideOutputTag} (with
     * {@code ctx.output(tag, value)} or as late window data), as a stream of the tag's type.
     */
    public <X> DataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        if (sideOutputTag == null) {
            throw new IllegalArgumentException("getSideOutput needs an OutputTag");
        }
        return new DataStream<>(environment, List.of(node), Collections.singletonList(sideOutputTag), null,
                sideOutputTag.getTypeInfo());
    }
}
