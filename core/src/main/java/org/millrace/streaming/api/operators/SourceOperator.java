package org.millrace.streaming.api.operators;

import org.millrace.streaming.api.source.InputStatus;
import org.millrace.streaming.api.source.ReaderOutput;
import org.millrace.streaming.api.source.ReaderSource;
import org.millrace.streaming.api.source.SourceReader;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** The head of a source task: polls its subtask's {@link SourceReader} and emits into the chain. */
public final class SourceOperator<OUT> implements StreamOperator<OUT>, ReaderOutput<OUT> {

    private final ReaderSource<OUT> source;
    private final StreamingRuntimeContext context;
    private final Output<OUT> output;
    private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
    private SourceReader<OUT> reader;

    public SourceOperator(StreamOperatorParameters<OUT> parameters, ReaderSource<OUT> source) {
        this.source = source;
        this.context = parameters.getRuntimeContext();
        this.output = parameters.getOutput();
    }

    @Override
    public void open() throws Exception {
        reader = source.createReader(context.getIndexOfThisSubtask(), context.getNumberOfParallelSubtasks());
    }

    public SourceReader<OUT> getReader() {
        return reader;
    }

    /** Emits what the reader has now; see {@link SourceReader#pollNext}. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(this);
    }

    @Override
    public void collect(OUT record) {
        reuse.eraseTimestamp();
        output.collect(reuse.replace(record));
    }

    @Override
    public void collect(OUT record, long timestamp) {
        output.collect(reuse.replace(record, timestamp));
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
