package org.millrace.runtime.checkpoint;

/** One parallel subtask of a job vertex (a chain of operators), as checkpoints count acknowledgements. */
public record TaskId(int vertexId, int subtaskIndex) {

    @Override
    public String toString() {
        return vertexId + "#" + subtaskIndex;
    }
}
