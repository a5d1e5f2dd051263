package org.millrace.streaming.runtime.tasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.runtime.io.network.InputGate;
import org.millrace.runtime.io.network.ResultPartitionWriter;
import org.millrace.runtime.jobgraph.JobEdge;
import org.millrace.runtime.jobgraph.JobVertex;
import org.millrace.runtime.state.TaskStateManager;

/**
 * Everything a {@link StreamTask} is deployed with, in one parameter object: which subtask of which
 * vertex it is, its network inputs and outputs, and the services of the TaskExecutor it runs on.
 *
 * @param outputs one partition writer per output edge, in the order of {@code outputEdges}
 * @param input the (unioned) input gate, or null for a source task
 * @param bufferTimeout how long records may wait in a partly filled buffer; {@link Duration#ZERO}
 *     flushes after every record
 * @param timerService the TaskExecutor's timer thread, used to post flush mails
 * @param checkpointing the task's checkpoint storage, responder and restore, or null if the job
 *     takes no checkpoints
 */
public record TaskSetup(
        String jobName,
        JobVertex vertex,
        int subtaskIndex,
        int attemptNumber,
        RuntimeExecutionMode executionMode,
        List<JobEdge> outputEdges,
        List<ResultPartitionWriter> outputs,
        List<JobEdge> inputEdges,
        InputGate input,
        Duration bufferTimeout,
        ScheduledExecutorService timerService,
        ClassLoader userCodeClassLoader,
        TaskStateManager checkpointing) {

    /** e.g. {@code "Flat Map -> Sink: Print (2/4)"}. */
    public String taskNameWithSubtask() {
        return vertex.getName() + " (" + (subtaskIndex + 1) + "/" + vertex.getParallelism() + ")";
    }
}
