package org.millrace.runtime.executiongraph.failover;

import java.util.BitSet;
import java.util.Set;

/**
 * Subtasks connected, directly or transitively, by pipelined exchanges: they exchange data while
 * running, so they are scheduled together and a failure of one means all of them must run again.
 * Obtained from {@link PipelinedRegions}.
 */
public final class PipelinedRegion {

    private final FailoverTopology topology;
    private final int id;
    /** Dense subtask indexes of all regions, grouped by region; this region is {@code [start, end)}. */
    private final int[] members;
    private final int start;
    private final int end;

    PipelinedRegion(FailoverTopology topology, int id, int[] members, int start, int end) {
        this.topology = topology;
        this.id = id;
        this.members = members;
        this.start = start;
        this.end = end;
    }

    /** Position of this region in {@link PipelinedRegions#regions()}; regions are ordered by their first subtask. */
    public int id() {
        return id;
    }

    public int size() {
        return end - start;
    }

    /** The region's subtasks, ordered by vertex then subtask index; built on each call. */
    public Set<SubtaskId> subtasks() {
        BitSet bits = new BitSet(topology.numberOfSubtasks());
        addTo(bits);
        return new SubtaskSet(topology, bits);
    }

    void addTo(BitSet bits) {
        for (int i = start; i < end; i++) {
            bits.set(members[i]);
        }
    }

    int memberAt(int position) {
        return members[start + position];
    }

    @Override
    public String toString() {
        return "PipelinedRegion#" + id + subtasks();
    }
}
