package org.millrace.runtime.taskexecutor;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.millrace.api.common.JobID;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.shuffle.ProducerLocation;
import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * Everything a TaskExecutor needs to run one attempt of one parallel subtask, sent by the JobMaster
 * when it deploys the subtask: the operator chain, which partitions to produce and where to read
 * each input channel from. Serializable, so it crosses the control RPC as bytes.
 *
 * @param outputs one partition per output edge, in the order of {@code outputEdges}
 * @param inputs per input edge (same order as {@code inputEdges}), one location per producer subtask
 * @param checkpointing the job's checkpoint settings and the state to restore, or null if the job
 *     takes no checkpoints
 */
public record TaskDeploymentDescriptor(
        JobID jobId,
        String jobName,
        ExecutionAttemptID attemptId,
        JobVertex vertex,
        int subtaskIndex,
        int attemptNumber,
        RuntimeExecutionMode executionMode,
        List<JobEdge> outputEdges,
        List<OutputPartition> outputs,
        List<JobEdge> inputEdges,
        List<List<ProducerLocation>> inputs,
        Duration bufferTimeout,
        TaskCheckpointing checkpointing) implements Serializable {

    /**
     * A partition the subtask produces.
     *
     * @param blocking spilled to files and kept until the job ends (BATCH), else pipelined
     */
    public record OutputPartition(ResultPartitionID partitionId, int numberOfSubpartitions, boolean blocking)
            implements Serializable {}

    /** e.g. {@code "Flat Map -> Sink: Print (2/4)"}. */
    public String taskNameWithSubtask() {
        return vertex.getName() + " (" + (subtaskIndex + 1) + "/" + vertex.getParallelism() + ")";
    }
}
