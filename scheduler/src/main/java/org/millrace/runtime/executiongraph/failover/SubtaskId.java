package org.millrace.runtime.executiongraph.failover;

/**
 * One parallel subtask of a job vertex: what failover decisions are made about.
 *
 * @param vertexId the job vertex's id ({@code JobVertex#getId()})
 * @param subtaskIndex {@code 0 <= subtaskIndex < parallelism}
 */
public record SubtaskId(int vertexId, int subtaskIndex) implements Comparable<SubtaskId> {

    @Override
    public int compareTo(SubtaskId other) {
        int byVertex = Integer.compare(vertexId, other.vertexId);
        return byVertex != 0 ? byVertex : Integer.compare(subtaskIndex, other.subtaskIndex);
    }

    @Override
    public String toString() {
        return vertexId + "#" + subtaskIndex;
    }
}
