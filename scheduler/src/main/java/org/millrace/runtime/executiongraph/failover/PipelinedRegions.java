package org.millrace.runtime.executiongraph.failover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Splits a job's subtasks into {@link PipelinedRegion}s: two subtasks share a region when a
 * pipelined exchange connects them (all producers and consumers of an all-to-all pipelined
 * exchange; producer i and its consumers of a pointwise one, see {@link PointwiseConnections}).
 * Blocking exchanges separate regions.
 *
 * <p>Computed with union-find over dense subtask indexes: an all-to-all exchange costs
 * {@code p + q} unions and a pointwise one {@code max(p, q)}, so a job of 10 vertices at
 * parallelism 1000 takes a few milliseconds and no per-pair memory.
 */
public final class PipelinedRegions {

    private final FailoverTopology topology;
    private final int[] regionOfSubtask;
    private final List<PipelinedRegion> regions;

    private PipelinedRegions(FailoverTopology topology, int[] regionOfSubtask, List<PipelinedRegion> regions) {
        this.topology = topology;
        this.regionOfSubtask = regionOfSubtask;
        this.regions = regions;
    }

    public static PipelinedRegions compute(FailoverTopology topology) {
        int n = topology.numberOfSubtasks();
        UnionFind sets = new UnionFind(n);
        for (int e = 0; e < topology.numberOfEdges(); e++) {
            if (topology.edgeType(e) == ResultPartitionType.PIPELINED) {
                connect(topology, e, sets);
            }
        }
        // number regions in order of their first subtask, then group members by region (counting sort)
        int[] regionOfRoot = new int[n];
        Arrays.fill(regionOfRoot, -1);
        int[] regionOf = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int root = sets.find(i);
            if (regionOfRoot[root] < 0) {
                regionOfRoot[root] = count++;
            }
            regionOf[i] = regionOfRoot[root];
        }
        int[] starts = new int[count + 1];
        for (int i = 0; i < n; i++) {
            starts[regionOf[i] + 1]++;
        }
        for (int r = 0; r < count; r++) {
            starts[r + 1] += starts[r];
        }
        int[] members = new int[n];
        int[] fill = Arrays.copyOf(starts, count);
        for (int i = 0; i < n; i++) {
            members[fill[regionOf[i]]++] = i;
        }
        List<PipelinedRegion> regions = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            regions.add(new PipelinedRegion(topology, r, members, starts[r], starts[r + 1]));
        }
        return new PipelinedRegions(topology, regionOf, Collections.unmodifiableList(regions));
    }

    private static void connect(FailoverTopology topology, int edge, UnionFind sets) {
        int source = topology.edgeSource(edge);
        int target = topology.edgeTarget(edge);
        int p = topology.parallelismAt(source);
        int q = topology.parallelismAt(target);
        int sourceOffset = topology.offset(source);
        int targetOffset = topology.offset(target);
        if (topology.edgePattern(edge) == DistributionPattern.ALL_TO_ALL) {
            for (int i = 0; i < p; i++) {
                sets.union(sourceOffset, sourceOffset + i);
            }
            for (int j = 0; j < q; j++) {
                sets.union(sourceOffset, targetOffset + j);
            }
        } else {
            for (int i = 0; i < p; i++) {
                int end = PointwiseConnections.endConsumer(i, p, q);
                for (int j = PointwiseConnections.firstConsumer(i, p, q); j < end; j++) {
                    sets.union(sourceOffset + i, targetOffset + j);
                }
            }
        }
    }

    public int numberOfRegions() {
        return regions.size();
    }

    /** All regions, ordered by their first subtask (in the topology's vertex order). */
    public List<PipelinedRegion> regions() {
        return regions;
    }

    /** @throws IllegalArgumentException if the subtask is not part of the job */
    public PipelinedRegion regionOf(SubtaskId subtask) {
        return regions.get(regionOfSubtask[topology.indexOf(subtask)]);
    }

    FailoverTopology topology() {
        return topology;
    }

    int regionIdOfIndex(int subtaskIndex) {
        return regionOfSubtask[subtaskIndex];
    }

    /** Disjoint sets over {@code [0, n)} with union by size and path halving. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }
    }
}
