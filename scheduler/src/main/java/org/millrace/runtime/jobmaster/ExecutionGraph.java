package org.millrace.runtime.jobmaster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.runtime.dispatcher.SubtaskInfo;
import org.millrace.runtime.dispatcher.VertexInfo;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;

/**
 * The parallel form of a job graph: an {@link ExecutionVertex} per subtask, found by position or
 * by its current attempt, and per job vertex how many subtasks have not finished (a BATCH stage may
 * start when all its producers finished). Guarded by the {@link JobMaster}'s lock.
 */
final class ExecutionGraph {

    private final List<ExecutionVertex> vertices = new ArrayList<>();
    private final Map<ExecutionAttemptID, ExecutionVertex> byAttempt = new HashMap<>();
    private final Map<Integer, Integer> unfinishedByJobVertex = new HashMap<>();

    ExecutionGraph(JobGraph jobGraph) {
        for (JobVertex vertex : jobGraph.getVertices()) {
            unfinishedByJobVertex.put(vertex.getId(), vertex.getParallelism());
            for (int i = 0; i < vertex.getParallelism(); i++) {
                ExecutionVertex v = new ExecutionVertex(jobGraph.getJobID(), vertex, i);
                vertices.add(v);
                byAttempt.put(v.attemptId, v);
            }
        }
    }

    /** Every subtask, job vertex by job vertex. */
    List<ExecutionVertex> vertices() {
        return vertices;
    }

    int size() {
        return vertices.size();
    }

    List<ExecutionVertex> subtasksOf(int jobVertexId) {
        return vertices.stream().filter(v -> v.vertex.getId() == jobVertexId).toList();
    }

    ExecutionVertex vertex(int jobVertexId, int index) {
        for (ExecutionVertex v : vertices) {
            if (v.vertex.getId() == jobVertexId && v.index == index) {
                return v;
            }
        }
        throw new IllegalArgumentException("No subtask " + index + " of vertex " + jobVertexId);
    }

    /** The subtask whose current attempt this is, or null for an unknown or superseded attempt. */
    ExecutionVertex byAttempt(ExecutionAttemptID attemptId) {
        return byAttempt.get(attemptId);
    }

    /** Counts a subtask's attempt as finished. */
    void finished(ExecutionVertex v) {
        unfinishedByJobVertex.merge(v.vertex.getId(), -1, Integer::sum);
    }

    /** Whether every subtask of the job vertex has finished (its blocking results are complete). */
    boolean allFinished(int jobVertexId) {
        return unfinishedByJobVertex.get(jobVertexId) == 0;
    }

    /** Gives a subtask a new attempt; reports of its old attempt are no longer found. */
    void resetForNewAttempt(ExecutionVertex v) {
        if (v.state == ExecutionState.FINISHED) {
            unfinishedByJobVertex.merge(v.vertex.getId(), 1, Integer::sum);
        }
        byAttempt.remove(v.attemptId);
        v.resetForNewAttempt();
        byAttempt.put(v.attemptId, v);
    }

    /** Subtasks not deployed yet that will still run. */
    long stillToRun() {
        return vertices.stream().filter(v -> !v.deployed && !v.state.isTerminal()).count();
    }

    boolean allTerminal() {
        return vertices.stream().allMatch(v -> v.state.isTerminal());
    }

    /**
     * The job's vertices as the REST API shows them: per subtask its state, attempt, location and
     * busy/idle/back-pressured ratios (final ones of ended attempts, else from {@code live}); a
     * vertex's state is its least advanced subtask's.
     */
    List<VertexInfo> describe(JobGraph jobGraph, Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> live) {
        List<VertexInfo> infos = new ArrayList<>();
        for (JobVertex v : jobGraph.getVertices()) {
            List<SubtaskInfo> subtasks = new ArrayList<>();
            ExecutionState aggregate = ExecutionState.FINISHED;
            for (ExecutionVertex s : subtasksOf(v.getId())) {
                TaskIOMetrics.Snapshot m = s.finalMetrics != null ? s.finalMetrics : live.get(s.attemptId);
                subtasks.add(new SubtaskInfo(s.index, s.state, s.attemptNumber(),
                        s.slot == null ? "-" : s.slot.taskExecutor().address(),
                        s.slot == null ? "-" : s.slot.taskExecutor().resourceId(), s.startTime, s.endTime, 0, 0,
                        m == null ? 0 : m.busyRatio(), m == null ? 0 : m.idleRatio(), m == null ? 0 : m.backPressuredRatio()));
                if (s.state.ordinal() < aggregate.ordinal()) {
                    aggregate = s.state;
                }
            }
            infos.add(new VertexInfo(JobMaster.vertexId(v), v.getName(), v.getParallelism(), v.getMaxParallelism(),
                    aggregate, subtasks));
        }
        return infos;
    }

    /** The job's accumulators: those of every subtask's finished attempt (re-run subtasks count once). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Accumulator<?, ?>> mergedAccumulators() {
        Map<String, Accumulator<?, ?>> merged = new HashMap<>();
        for (ExecutionVertex v : vertices) {
            for (Map.Entry<String, Accumulator<?, ?>> e : v.accumulators.entrySet()) {
                Accumulator existing = merged.get(e.getKey());
                if (existing == null) {
                    merged.put(e.getKey(), e.getValue().clone());
                } else {
                    existing.merge((Accumulator) e.getValue());
                }
            }
        }
        return merged;
    }
}
