package org.millrace.streaming.api.graph;

import org.millrace.streaming.runtime.partitioner.StreamPartitioner;

/**
 * A connection between two operators of the program. The partitioner is null when the user chose
 * none: forward if both sides have the same parallelism, rebalance otherwise (decided when the job
 * graph is built, after all parallelism settings are known).
 */
public final class StreamEdge {

    private final StreamNode source;
    private final StreamNode target;
    private final StreamPartitioner<?> partitioner;

    StreamEdge(StreamNode source, StreamNode target, StreamPartitioner<?> partitioner) {
        this.source = source;
        this.target = target;
        this.partitioner = partitioner;
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
