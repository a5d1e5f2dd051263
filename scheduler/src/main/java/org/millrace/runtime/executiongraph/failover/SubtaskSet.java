package org.millrace.runtime.executiongraph.failover;

import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of subtasks stored as one bit per subtask of a {@link FailoverTopology}, so that
 * "restart these 10,000 subtasks" costs about a kilobyte; iterates in the topology's order.
 */
final class SubtaskSet extends AbstractSet<SubtaskId> {

    private final FailoverTopology topology;
    private final BitSet members;
    private final int size;

    /** Takes ownership of {@code members}; the caller must not change it afterwards. */
    SubtaskSet(FailoverTopology topology, BitSet members) {
        this.topology = topology;
        this.members = members;
        this.size = members.cardinality();
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof SubtaskId subtask && topology.contains(subtask) && members.get(topology.indexOf(subtask));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<SubtaskId> iterator() {
        return new Iterator<>() {
            private int next = members.nextSetBit(0);

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public SubtaskId next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                SubtaskId result = topology.subtaskAt(next);
                next = next + 1 < topology.numberOfSubtasks() ? members.nextSetBit(next + 1) : -1;
                return result;
            }
        };
    }
}
