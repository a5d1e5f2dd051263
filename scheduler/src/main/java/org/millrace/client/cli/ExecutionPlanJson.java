package org.millrace.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobGraph;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.jobmaster.JobMaster;

/**
 * The execution plan of a job graph as {@code flink info} prints it, in the JSON shape of Flink's
 * job plan ({@code {"jid","name","type","nodes":[{"id","parallelism","operator","operator_strategy",
 * "description","inputs":[{"num","id","ship_strategy","exchange"}]}]}}): one node per chain of
 * operators (a task), with vertex ids as the REST API shows them, so tools that read Flink's plan
 * read this one.
 */
public final class ExecutionPlanJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExecutionPlanJson() {}

    public static String of(JobGraph jobGraph) {
        String exchange = JobMaster.usesBlockingExchanges(jobGraph) ? "blocking" : "pipelined_bounded";
        ObjectNode plan = JSON.createObjectNode()
                .put("jid", jobGraph.getJobID().toString())
                .put("name", jobGraph.getName())
                .put("type", jobGraph.getExecutionMode().name());
        ArrayNode nodes = plan.putArray("nodes");
        for (JobVertex vertex : jobGraph.getVertices()) {
            ObjectNode node = nodes.addObject()
                    .put("id", JobMaster.vertexId(vertex))
                    .put("parallelism", vertex.getParallelism())
                    .put("operator", "")
                    .put("operator_strategy", "")
                    .put("description", vertex.getName());
            if (!vertex.getInputEdgeIds().isEmpty()) {
                ArrayNode inputs = node.putArray("inputs");
                int num = 0;
                for (int edgeId : vertex.getInputEdgeIds()) {
                    JobEdge edge = jobGraph.getEdge(edgeId);
                    inputs.addObject()
                            .put("num", num++)
                            .put("id", JobMaster.vertexId(jobGraph.getVertex(edge.getSourceVertexId())))
                            .put("ship_strategy", edge.getPartitioner().toString())
                            .put("exchange", exchange);
                }
            }
            node.putObject("optimizer_properties");
        }
        return plan.toString();
    }
}
