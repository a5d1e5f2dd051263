package org.millrace.streaming.api.datastream;

import org.millrace.streaming.api.graph.StreamNode;
import org.millrace.streaming.api.operators.ChainingStrategy;

/** The end of a pipeline; configures the sink operator. */
public class DataStreamSink<T> {

    private final StreamNode node;

    DataStreamSink(StreamNode node) {
        this.node = node;
    }

    public DataStreamSink<T> name(String name) {
        node.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        node.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        node.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        node.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    public DataStreamSink<T> startNewChain() {
        node.setChainingStrategy(ChainingStrategy.HEAD);
        return this;
    }

    public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
        node.setSlotSharingGroup(slotSharingGroup);
        return this;
    }
}
