package org.millrace.runtime.jobgraph;

import java.io.Serializable;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;

/**
 * A data exchange between two job vertices: every producing subtask has one result partition with a
 * subpartition per consuming subtask; the partitioner picks the subpartition of each record.
 */
public final class JobEdge implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int id;
    private final int sourceVertexId;
    private final int targetVertexId;
    private final StreamPartitioner<?> partitioner;
    private final TypeSerializer<?> serializer;

    public JobEdge(int id, int sourceVertexId, int targetVertexId, StreamPartitioner<?> partitioner, TypeSerializer<?> serializer) {
        this.id = id;
        this.sourceVertexId = sourceVertexId;
        this.targetVertexId = targetVertexId;
        this.partitioner = partitioner;
        this.serializer = serializer;
    }

    public int getId() {
        return id;
    }

    public int getSourceVertexId() {
        return sourceVertexId;
    }

    public int getTargetVertexId() {
        return targetVertexId;
    }

    /** The partitioner prototype; each producing subtask uses its own {@code copy()}. */
    public StreamPartitioner<?> getPartitioner() {
        return partitioner;
    }

    /** Serializer of the records on this edge; each subtask uses its own {@code duplicate()}. */
    public TypeSerializer<?> getSerializer() {
        return serializer;
    }

    @Override
    public String toString() {
        return "JobEdge{" + sourceVertexId + " -" + partitioner + "-> " + targetVertexId + "}";
    }
}
