package org.millrace.runtime.jobgraph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.JobID;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.configuration.Configuration;

/**
 * What a client submits to a cluster: the job's vertices (operator chains) in topological order,
 * the edges between them, the execution mode and the job's configuration.
 */
public final class JobGraph implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final String jobName;
    private final RuntimeExecutionMode executionMode;
    private final Configuration jobConfiguration;
    private final Map<Integer, JobVertex> vertices = new LinkedHashMap<>();
    private final Map<Integer, JobEdge> edges = new LinkedHashMap<>();

    public JobGraph(JobID jobId, String jobName, RuntimeExecutionMode executionMode, Configuration jobConfiguration) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.executionMode = executionMode;
        this.jobConfiguration = jobConfiguration;
    }

    public void addVertex(JobVertex vertex) {
        vertices.put(vertex.getId(), vertex);
    }

    public void addEdge(JobEdge edge) {
        edges.put(edge.getId(), edge);
        vertices.get(edge.getSourceVertexId()).getOutputEdgeIds().add(edge.getId());
        vertices.get(edge.getTargetVertexId()).getInputEdgeIds().add(edge.getId());
    }

    public JobID getJobID() {
        return jobId;
    }

    public String getName() {
        return jobName;
    }

    public RuntimeExecutionMode getExecutionMode() {
        return executionMode;
    }

    public Configuration getJobConfiguration() {
        return jobConfiguration;
    }

    /** Vertices in topological order (producers before consumers). */
    public List<JobVertex> getVertices() {
        return Collections.unmodifiableList(new ArrayList<>(vertices.values()));
    }

    public JobVertex getVertex(int id) {
        return vertices.get(id);
    }

    public JobEdge getEdge(int id) {
        return edges.get(id);
    }

    public int getNumberOfVertices() {
        return vertices.size();
    }

    /** Slots needed with slot sharing in one group: the largest parallelism. */
    public int getMaximumParallelism() {
        return vertices.values().stream().mapToInt(JobVertex::getParallelism).max().orElse(0);
    }
}
