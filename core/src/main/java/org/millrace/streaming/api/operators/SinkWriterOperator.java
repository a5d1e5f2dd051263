package org.millrace.streaming.api.operators;

import org.millrace.api.connector.sink2.Sink;
import org.millrace.api.connector.sink2.SinkWriter;
import org.millrace.api.connector.sink2.WriterInitContext;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/** Runs a {@link Sink}'s writer for one subtask. */
public final class SinkWriterOperator<IN> implements OneInputStreamOperator<IN, Object> {

    private final Sink<IN> sink;
    private final StreamingRuntimeContext runtimeContext;
    private SinkWriter<IN> writer;
    private StreamRecord<IN> current;
    private final SinkWriter.Context context = () -> current.hasTimestamp() ? current.getTimestamp() : null;

    public SinkWriterOperator(StreamOperatorParameters<Object> parameters, Sink<IN> sink) {
        this.sink = sink;
        this.runtimeContext = parameters.getRuntimeContext();
    }

    @Override
    public void open() throws Exception {
        writer = sink.createWriter(new WriterInitContext() {
            @Override
            public int getSubtaskId() {
                return runtimeContext.getIndexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return runtimeContext.getNumberOfParallelSubtasks();
            }
        });
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
