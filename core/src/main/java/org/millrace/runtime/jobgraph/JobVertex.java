package org.millrace.runtime.jobgraph;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.millrace.util.InstantiationUtil;

/**
 * A chain of operators that runs as one task per parallel subtask. The chain (operator factories
 * with the user's functions) is kept serialized, so every subtask deserializes private instances.
 */
public final class JobVertex implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int id;
    private final String name;
    private final int parallelism;
    private final int maxParallelism;
    private final String slotSharingGroup;
    private final boolean isSource;
    private final byte[] serializedChain;
    /** The ids of the chain's operators, head first: what checkpoints file their state under. */
    private final List<String> operatorIds;
    private final List<Integer> inputEdgeIds = new ArrayList<>();
    private final List<Integer> outputEdgeIds = new ArrayList<>();

    public JobVertex(int id, String name, int parallelism, int maxParallelism, String slotSharingGroup,
            boolean isSource, byte[] serializedChain) {
        this(id, name, parallelism, maxParallelism, slotSharingGroup, isSource, serializedChain, List.of());
    }

    public JobVertex(int id, String name, int parallelism, int maxParallelism, String slotSharingGroup,
            boolean isSource, byte[] serializedChain, List<String> operatorIds) {
        this.operatorIds = List.copyOf(operatorIds);
        this.id = id;
        this.name = name;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.slotSharingGroup = slotSharingGroup;
        this.isSource = isSource;
        this.serializedChain = serializedChain;
    }

    public int getId() {
        return id;
    }

    /** Flink-style task name, e.g. {@code "Source: Collection Source -> Flat Map"}. */
    public String getName() {
        return name;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public boolean isSource() {
        return isSource;
    }

    /** The ids of the chain's operators, head first (from their {@code uid}, or generated). */
    public List<String> getOperatorIds() {
        return operatorIds;
    }

    public List<Integer> getInputEdgeIds() {
        return inputEdgeIds;
    }

    public List<Integer> getOutputEdgeIds() {
        return outputEdgeIds;
    }

    /** A fresh copy of the operator chain, deserialized with the job's class loader. */
    public List<ChainedOperatorConfig> deserializeChain(ClassLoader classLoader) throws IOException, ClassNotFoundException {
        return InstantiationUtil.deserializeObject(serializedChain, classLoader);
    }

    @Override
    public String toString() {
        return name + " (parallelism " + parallelism + ")";
    }
}
