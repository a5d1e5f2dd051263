package org.millrace.streaming.api.graph;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.java.functions.KeySelector;
import org.millrace.streaming.api.operators.ChainingStrategy;
import org.millrace.streaming.api.operators.StreamOperatorFactory;

/**
 * One operator of the user's program before chaining, with the settings made through the API
 * ({@code name}, {@code uid}, {@code setParallelism}, {@code slotSharingGroup}, chaining hints).
 */
public final class StreamNode {

    private final int id;
    private String name;
    private String uid;
    private final StreamOperatorFactory<?> operatorFactory;
    private TypeInformation<?> outputType;
    private int parallelism;
    private boolean parallelismFixed;
    private final int sourceMaxParallelism;
    private Integer maxParallelism;
    /** The node whose parallelism this one takes, or null. */
    private StreamNode leader;
    private String slotSharingGroup = "default";
    private ChainingStrategy chainingStrategy;
    private KeySelector<?, ?> inputKeySelector;
    private final boolean source;
    private final boolean boundedSource;
    final List<StreamEdge> inEdges = new ArrayList<>();
    final List<StreamEdge> outEdges = new ArrayList<>();

    StreamNode(int id, String name, StreamOperatorFactory<?> operatorFactory, TypeInformation<?> outputType,
            int parallelism, ChainingStrategy chainingStrategy, boolean source, boolean boundedSource, int sourceMaxParallelism) {
        this.id = id;
        this.name = name;
        this.operatorFactory = operatorFactory;
        this.outputType = outputType;
        this.parallelism = parallelism;
        this.chainingStrategy = chainingStrategy;
        this.source = source;
        this.boundedSource = boundedSource;
        this.sourceMaxParallelism = sourceMaxParallelism;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public StreamOperatorFactory<?> getOperatorFactory() {
        return operatorFactory;
    }

    /** Type of the records this operator emits (null for sinks). */
    public TypeInformation<?> getOutputType() {
        return outputType;
    }

    /** Replaces the inferred output type ({@code returns(...)}). */
    public void setOutputType(TypeInformation<?> outputType) {
        this.outputType = outputType;
    }

    public int getParallelism() {
        return parallelism;
    }

    public boolean isParallelismFixed() {
        return parallelismFixed;
    }

    /** Sets the parallelism explicitly; checked against what the operator supports. */
    public void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism of '" + name + "' must be at least 1, was " + parallelism);
        }
        if (parallelism > sourceMaxParallelism) {
            throw new IllegalArgumentException("'" + name + "' is not a parallel source: its parallelism cannot be "
                    + parallelism + " (at most " + sourceMaxParallelism + ")");
        }
        this.parallelism = parallelism;
        this.parallelismFixed = true;
    }

    /**
     * The environment's parallelism applies to nodes that did not set their own; a node that
     * {@linkplain #followParallelismOf follows} another takes that one's, resolved before it (nodes
     * are resolved in creation order).
     */
    void applyDefaultParallelism(int defaultParallelism) {
        if (leader != null) {
            parallelism = leader.parallelism;
            slotSharingGroup = leader.slotSharingGroup;
        } else if (!parallelismFixed) {
            parallelism = Math.min(defaultParallelism, sourceMaxParallelism);
        }
    }

    /**
     * Makes this node (one the runtime adds, such as a combiner, which users never configure) run
     * with the parallelism and slot sharing group {@code leader} has when the job graph is built,
     * so it chains to it whatever the user sets on it later.
     */
    public void followParallelismOf(StreamNode leader) {
        this.leader = leader;
        this.parallelism = leader.parallelism;
        this.slotSharingGroup = leader.slotSharingGroup;
    }

    public Integer getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    public void setChainingStrategy(ChainingStrategy chainingStrategy) {
        this.chainingStrategy = chainingStrategy;
    }

    public KeySelector<?, ?> getInputKeySelector() {
        return inputKeySelector;
    }

    public void setInputKeySelector(KeySelector<?, ?> inputKeySelector) {
        this.inputKeySelector = inputKeySelector;
    }

    public boolean isSource() {
        return source;
    }

    public boolean isBoundedSource() {
        return boundedSource;
    }

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }

    @Override
    public String toString() {
        return name + "-" + id;
    }
}
