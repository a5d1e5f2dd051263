package org.millrace.runtime.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.common.accumulators.Accumulator;
import org.millrace.runtime.checkpoint.SubtaskState;
import org.millrace.runtime.dispatcher.SerializedThrowable;
import org.millrace.runtime.rpc.messages.AcknowledgeCheckpoint;
import org.millrace.runtime.execution.ExecutionState;
import org.millrace.runtime.metrics.TaskIOMetrics;
import org.millrace.runtime.rest.metrics.TaskManagerMetrics;
import org.millrace.runtime.rest.metrics.TaskSample;
import org.millrace.runtime.rpc.messages.TaskIOMetricsEntry;
import org.millrace.runtime.rpc.messages.TaskManagerMetricsReport;
import org.millrace.runtime.rpc.messages.UpdateTaskExecutionState;
import org.millrace.runtime.taskexecutor.ExecutionAttemptID;
import org.millrace.runtime.taskexecutor.TaskExecutionState;
import org.millrace.shuffle.metrics.ShuffleMetrics;
import org.millrace.shuffle.metrics.TaskRecordCounters;
import org.millrace.util.InstantiationUtil;

/**
 * Translates between the runtime's objects and the Avro control messages (schemas in
 * {@code src/main/avro/control.avsc}), in one place so both ends agree.
 */
public final class ControlMessages {

    private ControlMessages() {}

    /** TaskManager side: an attempt's acknowledgement of a checkpoint, its state Java-serialized. */
    public static AcknowledgeCheckpoint acknowledgement(ExecutionAttemptID attemptId, long checkpointId,
                                                        Map<String, SubtaskState> states) {
        return AcknowledgeCheckpoint.newBuilder().setAttemptId(attemptId.toString()).setCheckpointId(checkpointId)
                .setState(ByteBuffer.wrap(InstantiationUtil.serializeOrExplain(new HashMap<>(states),
                        "the checkpoint state of " + attemptId)))
                .build();
    }

    /** TaskManager side: an attempt's refusal of a checkpoint. */
    public static AcknowledgeCheckpoint decline(ExecutionAttemptID attemptId, long checkpointId, String reason) {
        return AcknowledgeCheckpoint.newBuilder().setAttemptId(attemptId.toString()).setCheckpointId(checkpointId)
                .setDeclineReason(reason).build();
    }

    /** JobManager side: the state of an acknowledgement (core classes only, so no user class loader). */
    @SuppressWarnings("unchecked")
    public static Map<String, SubtaskState> checkpointState(AcknowledgeCheckpoint message) throws IOException {
        try {
            return (Map<String, SubtaskState>) InstantiationUtil.deserializeObject(bytes(message.getState()),
                    ControlMessages.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("Unreadable checkpoint acknowledgement of " + message.getAttemptId(), e);
        }
    }

    /** TaskManager side: a task's state change as a message; accumulators are Java-serialized. */
    public static UpdateTaskExecutionState toMessage(TaskExecutionState state) {
        UpdateTaskExecutionState.Builder b = UpdateTaskExecutionState.newBuilder()
                .setAttemptId(state.attemptId().toString())
                .setState(state.state().name());
        if (state.error() != null) {
            StringWriter trace = new StringWriter();
            state.error().printStackTrace(new PrintWriter(trace));
            b.setErrorClass(state.error().getClass().getName())
                    .setErrorMessage(String.valueOf(state.error().getMessage()))
                    .setErrorStackTrace(trace.toString());
        }
        if (!state.accumulators().isEmpty()) {
            b.setAccumulators(ByteBuffer.wrap(InstantiationUtil.serializeOrExplain(new HashMap<>(state.accumulators()),
                    "the accumulators of " + state.attemptId())));
        }
        if (state.ioMetrics() != null) {
            b.setMetrics(toEntry(state.attemptId(), state.ioMetrics()));
        }
        return b.build();
    }

    /**
     * JobManager side: the message back as a state change. A task's failure arrives as a
     * {@link SerializedThrowable.RemoteFailureException} with the original message and trace.
     *
     * @param userCodeClassLoader deserializes the accumulators (they may be user classes)
     */
    @SuppressWarnings("unchecked")
    public static TaskExecutionState fromMessage(UpdateTaskExecutionState message, ClassLoader userCodeClassLoader)
            throws IOException {
        ExecutionAttemptID id = ExecutionAttemptID.fromString(message.getAttemptId());
        ExecutionState state = ExecutionState.valueOf(message.getState());
        Throwable error = message.getErrorClass() == null ? null
                : new SerializedThrowable(message.getErrorClass(), message.getErrorMessage(), message.getErrorStackTrace())
                        .toException();
        Map<String, Accumulator<?, ?>> accumulators = Map.of();
        if (message.getAccumulators() != null) {
            try {
                accumulators = InstantiationUtil.deserializeObject(bytes(message.getAccumulators()), userCodeClassLoader);
            } catch (ClassNotFoundException e) {
                throw new IOException("Cannot read the accumulators of " + id + ": " + e.getMessage(), e);
            }
        }
        TaskIOMetrics.Snapshot metrics = message.getMetrics() == null ? null : fromEntry(message.getMetrics());
        return new TaskExecutionState(id, state, error, accumulators, metrics);
    }

    public static TaskIOMetricsEntry toEntry(ExecutionAttemptID id, TaskIOMetrics.Snapshot s) {
        return TaskIOMetricsEntry.newBuilder().setAttemptId(id.toString()).setTotalMillis(s.totalMillis())
                .setIdleMillis(s.idleMillis()).setBackPressuredMillis(s.backPressuredMillis())
                .setIdleRatio(s.idleRatio()).setBackPressuredRatio(s.backPressuredRatio()).setBusyRatio(s.busyRatio())
                .build();
    }

    public static TaskIOMetrics.Snapshot fromEntry(TaskIOMetricsEntry e) {
        return new TaskIOMetrics.Snapshot(e.getTotalMillis(), e.getIdleMillis(), e.getBackPressuredMillis(),
                e.getIdleRatio(), e.getBackPressuredRatio(), e.getBusyRatio());
    }

    /**
     * TaskManager side: its network memory and, per running task, the record counters of the
     * shuffle with the times of {@code times} (tasks whose chain is not built yet report zero times).
     */
    public static TaskManagerMetricsReport toReport(long timestampMillis, ShuffleMetrics.NetworkMemory memory,
            Map<String, TaskRecordCounters> counters, Map<ExecutionAttemptID, TaskIOMetrics.Snapshot> times) {
        List<TaskIOMetricsEntry> entries = new ArrayList<>();
        counters.forEach((attemptId, c) -> {
            TaskIOMetrics.Snapshot t = times.get(ExecutionAttemptID.fromString(attemptId));
            TaskIOMetricsEntry.Builder entry = t == null
                    ? TaskIOMetricsEntry.newBuilder().setAttemptId(attemptId).setTotalMillis(0).setIdleMillis(0)
                            .setBackPressuredMillis(0).setIdleRatio(0).setBackPressuredRatio(0).setBusyRatio(0)
                    : TaskIOMetricsEntry.newBuilder(toEntry(ExecutionAttemptID.fromString(attemptId), t));
            entries.add(entry.setRecordsIn(c.getRecordsIn()).setRecordsOut(c.getRecordsOut()).build());
        });
        return TaskManagerMetricsReport.newBuilder().setTimestampMillis(timestampMillis)
                .setNetworkSegmentsTotal(memory.segmentsTotal()).setNetworkSegmentsUsed(memory.segmentsUsed())
                .setNetworkSegmentsMaxUsed(memory.segmentsMaxUsed()).setNetworkSegmentSize(memory.segmentSize())
                .setTasks(entries).build();
    }

    /** JobManager side: a report's network memory. */
    public static TaskManagerMetrics fromReport(TaskManagerMetricsReport report) {
        return new TaskManagerMetrics(report.getTimestampMillis(), report.getNetworkSegmentsTotal(),
                report.getNetworkSegmentsUsed(), report.getNetworkSegmentsMaxUsed(), report.getNetworkSegmentSize());
    }

    /** JobManager side: a report's tasks by attempt id. */
    public static Map<String, TaskSample> taskSamples(TaskManagerMetricsReport report) {
        Map<String, TaskSample> samples = new HashMap<>();
        for (TaskIOMetricsEntry e : report.getTasks()) {
            samples.put(e.getAttemptId(), new TaskSample(report.getTimestampMillis(), e.getRecordsIn(), e.getRecordsOut(),
                    e.getIdleMillis(), e.getBackPressuredMillis(), e.getTotalMillis()));
        }
        return samples;
    }

    /** The remaining bytes of an Avro {@code bytes} field, without disturbing its position. */
    public static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] result = new byte[b.remaining()];
        b.get(result);
        return result;
    }
}
