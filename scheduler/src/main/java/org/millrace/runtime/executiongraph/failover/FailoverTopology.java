package org.millrace.runtime.executiongraph.failover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a job as failover sees it: vertices with their parallelism and the exchanges between
 * them, each with its {@link DistributionPattern} and {@link ResultPartitionType}. A deliberately
 * small model, so region and failover logic can be tested without operators or serializers; build
 * one from a {@code JobGraph} with {@link JobGraphFailoverTopology#of}.
 *
 * <p>Internally every subtask has a dense index ({@code vertex offset + subtask index}) and every
 * vertex and edge a dense position, so the algorithms work on arrays and bit sets. Immutable and
 * thread-safe once built.
 */
public final class FailoverTopology {

    private final int[] vertexIds;
    private final int[] parallelism;
    /** Dense index of subtask 0 of each vertex; one extra entry holds the total. */
    private final int[] offsets;
    /** Vertex position of each dense subtask index. */
    private final int[] vertexOfSubtask;
    private final Map<Integer, Integer> vertexPositions;

    private final int[] edgeIds;
    private final int[] edgeSource;
    private final int[] edgeTarget;
    private final DistributionPattern[] edgePattern;
    private final ResultPartitionType[] edgeType;
    private final Map<Integer, Integer> edgePositions;
    private final int[][] outEdges;
    private final int[][] inEdges;

    private FailoverTopology(Builder b) {
        int vertices = b.vertexIds.size();
        vertexIds = b.vertexIds.stream().mapToInt(Integer::intValue).toArray();
        parallelism = b.parallelism.stream().mapToInt(Integer::intValue).toArray();
        offsets = new int[vertices + 1];
        for (int v = 0; v < vertices; v++) {
            offsets[v + 1] = Math.addExact(offsets[v], parallelism[v]);
        }
        vertexOfSubtask = new int[offsets[vertices]];
        for (int v = 0; v < vertices; v++) {
            Arrays.fill(vertexOfSubtask, offsets[v], offsets[v + 1], v);
        }
        vertexPositions = Map.copyOf(b.vertexPositions);

        int edges = b.edgeIds.size();
        edgeIds = b.edgeIds.stream().mapToInt(Integer::intValue).toArray();
        edgeSource = b.edgeSource.stream().mapToInt(Integer::intValue).toArray();
        edgeTarget = b.edgeTarget.stream().mapToInt(Integer::intValue).toArray();
        edgePattern = b.edgePattern.toArray(new DistributionPattern[0]);
        edgeType = b.edgeType.toArray(new ResultPartitionType[0]);
        edgePositions = Map.copyOf(b.edgePositions);
        outEdges = adjacency(vertices, edgeSource);
        inEdges = adjacency(vertices, edgeTarget);
    }

    private static int[][] adjacency(int vertices, int[] endpoint) {
        int[] counts = new int[vertices];
        for (int v : endpoint) {
            counts[v]++;
        }
        int[][] result = new int[vertices][];
        for (int v = 0; v < vertices; v++) {
            result[v] = new int[counts[v]];
        }
        int[] filled = new int[vertices];
        for (int e = 0; e < endpoint.length; e++) {
            int v = endpoint[e];
            result[v][filled[v]++] = e;
        }
        return result;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Total number of subtasks over all vertices. */
    public int numberOfSubtasks() {
        return vertexOfSubtask.length;
    }

    /** Every subtask of the job, ordered by vertex (in the order added) then subtask index. */
    public Set<SubtaskId> allSubtasks() {
        BitSet all = new BitSet(numberOfSubtasks());
        all.set(0, numberOfSubtasks());
        return new SubtaskSet(this, all);
    }

    /** @throws IllegalArgumentException if the topology has no such vertex */
    public int parallelismOf(int vertexId) {
        return parallelism[vertexPosition(vertexId)];
    }

    /** Whether the subtask exists in this topology. */
    public boolean contains(SubtaskId subtask) {
        Integer v = vertexPositions.get(subtask.vertexId());
        return v != null && subtask.subtaskIndex() >= 0 && subtask.subtaskIndex() < parallelism[v];
    }

    // ---- dense access for the algorithms of this package ----

    int vertexPosition(int vertexId) {
        Integer v = vertexPositions.get(vertexId);
        if (v == null) {
            throw new IllegalArgumentException("Unknown job vertex " + vertexId);
        }
        return v;
    }

    int edgePosition(int edgeId) {
        Integer e = edgePositions.get(edgeId);
        if (e == null) {
            throw new IllegalArgumentException("Unknown job edge " + edgeId);
        }
        return e;
    }

    /** Dense index of the subtask. */
    int indexOf(SubtaskId subtask) {
        if (!contains(subtask)) {
            throw new IllegalArgumentException("Subtask " + subtask + " is not part of this job");
        }
        return offsets[vertexPositions.get(subtask.vertexId())] + subtask.subtaskIndex();
    }

    SubtaskId subtaskAt(int index) {
        int v = vertexOfSubtask[index];
        return new SubtaskId(vertexIds[v], index - offsets[v]);
    }

    int numberOfVertices() {
        return vertexIds.length;
    }

    int vertexOfIndex(int index) {
        return vertexOfSubtask[index];
    }

    int offset(int vertex) {
        return offsets[vertex];
    }

    int parallelismAt(int vertex) {
        return parallelism[vertex];
    }

    int numberOfEdges() {
        return edgeIds.length;
    }

    int edgeSource(int edge) {
        return edgeSource[edge];
    }

    int edgeTarget(int edge) {
        return edgeTarget[edge];
    }

    DistributionPattern edgePattern(int edge) {
        return edgePattern[edge];
    }

    ResultPartitionType edgeType(int edge) {
        return edgeType[edge];
    }

    int edgeId(int edge) {
        return edgeIds[edge];
    }

    int[] outEdges(int vertex) {
        return outEdges[vertex];
    }

    int[] inEdges(int vertex) {
        return inEdges[vertex];
    }

    /** Collects vertices and edges; vertices must be added before the edges that connect them. */
    public static final class Builder {
        private final List<Integer> vertexIds = new ArrayList<>();
        private final List<Integer> parallelism = new ArrayList<>();
        private final Map<Integer, Integer> vertexPositions = new HashMap<>();
        private final List<Integer> edgeIds = new ArrayList<>();
        private final List<Integer> edgeSource = new ArrayList<>();
        private final List<Integer> edgeTarget = new ArrayList<>();
        private final List<DistributionPattern> edgePattern = new ArrayList<>();
        private final List<ResultPartitionType> edgeType = new ArrayList<>();
        private final Map<Integer, Integer> edgePositions = new HashMap<>();

        private Builder() {}

        public Builder addVertex(int vertexId, int vertexParallelism) {
            if (vertexParallelism < 1) {
                throw new IllegalArgumentException("Vertex " + vertexId + " needs a parallelism >= 1, got " + vertexParallelism);
            }
            if (vertexPositions.putIfAbsent(vertexId, vertexIds.size()) != null) {
                throw new IllegalArgumentException("Vertex " + vertexId + " added twice");
            }
            vertexIds.add(vertexId);
            parallelism.add(vertexParallelism);
            return this;
        }

        public Builder addEdge(int edgeId, int sourceVertexId, int targetVertexId, DistributionPattern pattern,
                ResultPartitionType type) {
            Integer source = vertexPositions.get(sourceVertexId);
            Integer target = vertexPositions.get(targetVertexId);
            if (source == null || target == null) {
                throw new IllegalArgumentException("Edge " + edgeId + " connects " + sourceVertexId + " -> " + targetVertexId
                        + ", but both vertices must be added first");
            }
            if (edgePositions.putIfAbsent(edgeId, edgeIds.size()) != null) {
                throw new IllegalArgumentException("Edge " + edgeId + " added twice");
            }
            edgeIds.add(edgeId);
            edgeSource.add(source);
            edgeTarget.add(target);
            edgePattern.add(Objects.requireNonNull(pattern, "pattern"));
            edgeType.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        public FailoverTopology build() {
            return new FailoverTopology(this);
        }
    }
}
