package org.millrace.streaming.api.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.InvalidProgramException;
import org.millrace.api.common.JobID;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.PipelineOptions;
import org.millrace.runtime.jobgraph.ChainedOperatorConfig;
import org.millrace.runtime.jobgraph.OperatorIds;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.state.KeyGroupRangeAssignment;
import org.millrace.streaming.api.operators.ChainingStrategy;
import org.millrace.streaming.runtime.partitioner.ForwardPartitioner;
import org.millrace.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.millrace.streaming.runtime.partitioner.RebalancePartitioner;
import org.millrace.streaming.runtime.partitioner.RescalePartitioner;
import org.millrace.streaming.runtime.partitioner.StreamPartitioner;
import org.millrace.util.InstantiationUtil;
import org.millrace.util.OutputTag;

/**
 * Turns a {@link StreamGraph} into a {@link JobGraph}: resolves parallelism, max parallelism and
 * default partitioners, then chains operators into job vertices using Flink's rules. An edge is
 * chained when it is FORWARD, both sides have the same parallelism and slot sharing group, the
 * target has only this input and may chain (ALWAYS), the source may be chained to (not NEVER),
 * and chaining is enabled for the job.
 */
public final class JobGraphGenerator {

    private final StreamGraph streamGraph;
    private final String jobName;
    private final RuntimeExecutionMode executionMode;
    private final int defaultParallelism;
    private final Integer defaultMaxParallelism;
    private final boolean chainingEnabled;
    private final Configuration jobConfiguration;

    private final Map<StreamEdge, StreamPartitioner<?>> partitioners = new HashMap<>();

    public JobGraphGenerator(StreamGraph streamGraph, String jobName, RuntimeExecutionMode executionMode,
            int defaultParallelism, Integer defaultMaxParallelism, boolean chainingEnabled, Configuration jobConfiguration) {
        this.streamGraph = streamGraph;
        this.jobName = jobName;
        this.executionMode = executionMode;
        this.defaultParallelism = defaultParallelism;
        this.defaultMaxParallelism = defaultMaxParallelism;
        this.chainingEnabled = chainingEnabled;
        this.jobConfiguration = jobConfiguration;
    }

    public JobGraph generate() {
        if (streamGraph.getNodes().isEmpty()) {
            throw new IllegalStateException("No operators defined in streaming topology. Cannot execute.");
        }
        streamGraph.removeUnconsumedSources();
        for (StreamNode node : streamGraph.getNodes()) {
            node.applyDefaultParallelism(defaultParallelism);
        }
        for (StreamNode node : streamGraph.getNodes()) {
            for (StreamEdge edge : node.getInEdges()) {
                partitioners.put(edge, resolvePartitioner(edge));
            }
        }
        // chain heads, in topological (= creation) order
        Map<Integer, Integer> headOf = new HashMap<>();
        Map<Integer, List<StreamNode>> chains = new LinkedHashMap<>();
        for (StreamNode node : streamGraph.getNodes()) {
            int head = node.getId();
            if (node.getInEdges().size() == 1 && isChainable(node.getInEdges().get(0))) {
                head = headOf.get(node.getInEdges().get(0).getSource().getId());
            }
            headOf.put(node.getId(), head);
            chains.computeIfAbsent(head, h -> new ArrayList<>()).add(node);
        }

        JobGraph jobGraph = new JobGraph(JobID.generate(), jobName, executionMode, jobConfiguration);
        Map<StreamEdge, Integer> edgeIds = new LinkedHashMap<>();
        List<StreamEdge> networkEdges = new ArrayList<>();
        for (List<StreamNode> chain : chains.values()) {
            for (StreamNode node : chain) {
                for (StreamEdge out : node.getOutEdges()) {
                    if (!headOf.get(out.getTarget().getId()).equals(headOf.get(node.getId())) || !isChainable(out)) {
                        edgeIds.put(out, edgeIds.size() + 1);
                        networkEdges.add(out);
                    }
                }
            }
        }
        for (Map.Entry<Integer, List<StreamNode>> entry : chains.entrySet()) {
            jobGraph.addVertex(createVertex(entry.getKey(), entry.getValue(), headOf, edgeIds));
        }
        for (StreamEdge edge : networkEdges) {
            jobGraph.addEdge(new JobEdge(edgeIds.get(edge), headOf.get(edge.getSource().getId()),
                    headOf.get(edge.getTarget().getId()), partitioners.get(edge),
                    edge.getRecordType().createSerializer()));
        }
        return jobGraph;
    }

    private JobVertex createVertex(int headId, List<StreamNode> chain, Map<Integer, Integer> headOf,
            Map<StreamEdge, Integer> edgeIds) {
        StreamNode head = streamGraph.getNode(headId);
        Map<Integer, Integer> indexInChain = new HashMap<>();
        for (int i = 0; i < chain.size(); i++) {
            indexInChain.put(chain.get(i).getId(), i);
        }
        // the vertex's output edges, in order: every non-chained out edge of every chained node
        List<StreamEdge> vertexOutputs = new ArrayList<>();
        for (StreamNode node : chain) {
            for (StreamEdge out : node.getOutEdges()) {
                if (edgeIds.containsKey(out)) {
                    vertexOutputs.add(out);
                }
            }
        }
        vertexOutputs.sort((a, b) -> Integer.compare(edgeIds.get(a), edgeIds.get(b)));
        List<ChainedOperatorConfig> configs = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (StreamNode node : chain) {
            List<Integer> chained = new ArrayList<>();
            List<Integer> network = new ArrayList<>();
            List<OutputTag<?>> chainedTags = new ArrayList<>();
            List<OutputTag<?>> networkTags = new ArrayList<>();
            for (StreamEdge out : node.getOutEdges()) {
                if (edgeIds.containsKey(out)) {
                    network.add(vertexOutputs.indexOf(out));
                    networkTags.add(out.getOutputTag());
                } else {
                    chained.add(indexInChain.get(out.getTarget().getId()));
                    chainedTags.add(out.getOutputTag());
                }
            }
            configs.add(new ChainedOperatorConfig(node.getId(), node.getName(), node.getOperatorFactory(),
                    node.getInputKeySelector(), chained.stream().mapToInt(Integer::intValue).toArray(),
                    network.stream().mapToInt(Integer::intValue).toArray(), chainedTags.toArray(new OutputTag<?>[0]),
                    networkTags.toArray(new OutputTag<?>[0]),
                    jobConfiguration.get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis(),
                    node.getUid() != null ? OperatorIds.fromUid(node.getUid()) : OperatorIds.generated(node.getId())));
            if (name.length() > 0) {
                name.append(" -> ");
            }
            name.append(node.getName());
        }
        byte[] serializedChain = InstantiationUtil.serializeOrExplain(configs, "the operators of '" + name + "'");
        return new JobVertex(headId, name.toString(), head.getParallelism(), maxParallelismOf(head),
                head.getSlotSharingGroup(), head.isSource(), serializedChain,
                configs.stream().map(ChainedOperatorConfig::operatorId).toList());
    }

    private int maxParallelismOf(StreamNode node) {
        if (node.getMaxParallelism() != null) {
            return node.getMaxParallelism();
        }
        if (defaultMaxParallelism != null) {
            return defaultMaxParallelism;
        }
        return KeyGroupRangeAssignment.computeDefaultMaxParallelism(node.getParallelism());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private StreamPartitioner<?> resolvePartitioner(StreamEdge edge) {
        StreamNode source = edge.getSource();
        StreamNode target = edge.getTarget();
        StreamPartitioner<?> chosen = edge.getPartitioner();
        if (chosen == null) {
            return source.getParallelism() == target.getParallelism() ? new ForwardPartitioner<>() : new RebalancePartitioner<>();
        }
        if (chosen instanceof ForwardPartitioner && source.getParallelism() != target.getParallelism()) {
            throw new InvalidProgramException("Forward partitioning does not allow change of parallelism. Upstream operation: "
                    + source.getName() + " parallelism: " + source.getParallelism() + ", downstream operation: "
                    + target.getName() + " parallelism: " + target.getParallelism()
                    + ". You must use another partitioning strategy, such as broadcast, rebalance, shuffle or global.");
        }
        if (chosen instanceof KeyGroupStreamPartitioner keyed) {
            int maxParallelism = maxParallelismOf(target);
            if (maxParallelism < target.getParallelism()) {
                throw new InvalidProgramException("The max parallelism (" + maxParallelism + ") of '" + target.getName()
                        + "' is smaller than its parallelism (" + target.getParallelism() + ")");
            }
            return new KeyGroupStreamPartitioner(keyed.getKeySelector(), maxParallelism);
        }
        if (chosen instanceof RescalePartitioner) {
            return new RescalePartitioner<>(source.getParallelism());
        }
        return chosen;
    }

    private boolean isChainable(StreamEdge edge) {
        StreamNode source = edge.getSource();
        StreamNode target = edge.getTarget();
        return chainingEnabled
                && target.getInEdges().size() == 1
                && partitioners.get(edge) instanceof ForwardPartitioner
                && source.getParallelism() == target.getParallelism()
                && source.getSlotSharingGroup().equals(target.getSlotSharingGroup())
                && target.getChainingStrategy() == ChainingStrategy.ALWAYS
                && source.getChainingStrategy() != ChainingStrategy.NEVER;
    }
}
