package org.millrace.streaming.api.graph;

import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;
import org.millrace.util.OutputTag;

/**
 * A connection between two operators of the program. The partitioner is null when the user chose
 * none: forward if both sides have the same parallelism, rebalance otherwise (decided when the job
 * graph is built, after all parallelism settings are known).
 */
public final class StreamEdge {

    private final StreamNode source;
    private final StreamNode target;
    private final StreamPartitioner<?> partitioner;
    private final OutputTag<?> outputTag;

    StreamEdge(StreamNode source, StreamNode target, StreamPartitioner<?> partitioner, OutputTag<?> outputTag) {
        this.source = source;
        this.target = target;
        this.partitioner = partitioner;
        this.outputTag = outputTag;
    }

    /** The side output this edge carries, or null for the source's main output. */
    public OutputTag<?> getOutputTag() {
        return outputTag;
    }

    /** The type of the records on this edge: the side output's, or the source's output type. */
    public TypeInformation<?> getRecordType() {
        return outputTag != null ? outputTag.getTypeInfo() : source.getOutputType();
    }

    public StreamNode getSource() {
        return source;
    }

    public StreamNode getTarget() {
        return target;
    }

    /** The user's partitioner, or null for the default. */
    public StreamPartitioner<?> getPartitioner() {
        return partitioner;
    }
}
