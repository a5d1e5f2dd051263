package org.millrace.streaming.api.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.streaming.api.operators.ChainingStrategy;
import org.millrace.streaming.api.operators.StreamOperatorFactory;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;
import org.millrace.util.OutputTag;

/**
 * The user's program as operators and connections, exactly as written through the DataStream API,
 * before chaining. {@link JobGraphGenerator} turns it into the {@code JobGraph} a cluster runs.
 */
public final class StreamGraph {

    private final Map<Integer, StreamNode> nodes = new LinkedHashMap<>();
    private int nextId = 1;

    public StreamNode addNode(String name, StreamOperatorFactory<?> factory, TypeInformation<?> outputType,
            int parallelism, ChainingStrategy chainingStrategy) {
        StreamNode node = new StreamNode(nextId++, name, factory, outputType, parallelism, chainingStrategy, false, false, Integer.MAX_VALUE);
        nodes.put(node.getId(), node);
        return node;
    }

    public StreamNode addSource(String name, StreamOperatorFactory<?> factory, TypeInformation<?> outputType,
            int parallelism, boolean bounded, int maxSourceParallelism) {
        StreamNode node = new StreamNode(nextId++, name, factory, outputType, Math.min(parallelism, maxSourceParallelism),
                ChainingStrategy.HEAD, true, bounded, maxSourceParallelism);
        nodes.put(node.getId(), node);
        return node;
    }

    public void addEdge(StreamNode source, StreamNode target, StreamPartitioner<?> partitioner) {
        addEdge(source, target, partitioner, null);
    }

    /** An edge carrying the side output {@code outputTag} of {@code source} (null: its main output). */
    public void addEdge(StreamNode source, StreamNode target, StreamPartitioner<?> partitioner, OutputTag<?> outputTag) {
        StreamEdge edge = new StreamEdge(source, target, partitioner, outputTag);
        source.outEdges.add(edge);
        target.inEdges.add(edge);
    }

    /** Drops sources whose output nobody reads (created but never used), as Flink does. */
    void removeUnconsumedSources() {
        nodes.values().removeIf(n -> n.isSource() && n.getOutEdges().isEmpty());
    }

    public StreamNode getNode(int id) {
        return nodes.get(id);
    }

    public Collection<StreamNode> getNodes() {
        return nodes.values();
    }

    public List<StreamNode> getSources() {
        List<StreamNode> sources = new ArrayList<>();
        for (StreamNode n : nodes.values()) {
            if (n.isSource()) {
                sources.add(n);
            }
        }
        return sources;
    }

    /** True if every source is bounded (a job that can run in BATCH mode). */
    public boolean isBounded() {
        return nodes.values().stream().filter(StreamNode::isSource).allMatch(StreamNode::isBoundedSource);
    }
}
