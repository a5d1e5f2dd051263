package org.millrace.streaming.api.operators;

import org.millrace.api.connector.sink2.CommittingSinkWriter;
import org.millrace.api.connector.sink2.StatefulSink;
import org.millrace.runtime.state.OperatorStateStore;

import org.millrace.api.connector.sink2.Sink;
import org.millrace.api.connector.sink2.SinkWriter;
import org.millrace.api.connector.sink2.WriterInitContext;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Runs a {@link Sink}'s writer for one subtask; a {@link CommittingSinkWriter} takes part in
 * checkpoints (sealing on snapshot, committing on completion) and a {@link StatefulSink} restores it.
 */
public final class SinkWriterOperator<IN> implements OneInputStreamOperator<IN, Object> {

    private final Sink<IN> sink;
    private final StreamingRuntimeContext runtimeContext;
    private static final String WRITER_STATE = "sink-writer";

    private SinkWriter<IN> writer;
    /** The writers' state in the checkpoint restored from (all of it); null on a fresh start. */
    private java.util.List<byte[]> restoredState;
    private StreamRecord<IN> current;
    private final SinkWriter.Context context = () -> current.hasTimestamp() ? current.getTimestamp() : null;

    public SinkWriterOperator(StreamOperatorParameters<Object> parameters, Sink<IN> sink) {
        this.sink = sink;
        this.runtimeContext = parameters.getRuntimeContext();
    }

    @Override
    public void initializeState(OperatorStateStore restored) {
        if (restored.isRestored() && sink instanceof StatefulSink<IN>) {
            restoredState = restored.get(WRITER_STATE);
        }
    }

    @Override
    public void snapshotState(long checkpointId, OperatorStateStore state) throws Exception {
        if (writer instanceof CommittingSinkWriter<IN> committing) {
            state.put(WRITER_STATE, OperatorStateStore.Distribution.UNION, committing.snapshotState(checkpointId));
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (writer instanceof CommittingSinkWriter<IN> committing) {
            committing.commit(checkpointId);
        }
    }

    @Override
    public void open() throws Exception {
        WriterInitContext init = initContext();
        writer = restoredState != null ? ((StatefulSink<IN>) sink).restoreWriter(init, restoredState)
                : sink.createWriter(init);
    }

    private WriterInitContext initContext() {
        return new WriterInitContext() {
            @Override
            public int getSubtaskId() {
                return runtimeContext.getIndexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return runtimeContext.getNumberOfParallelSubtasks();
            }
        };
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        writer.write(element.getValue(), context);
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public void processWatermark(Watermark mark) {
        // the end of the pipeline
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        // the end of the pipeline
    }
}
