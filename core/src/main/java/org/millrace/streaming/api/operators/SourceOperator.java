package org.millrace.streaming.api.operators;

import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.api.common.eventtime.TimestampAssigner;
import org.millrace.api.common.eventtime.WatermarkStrategy;
import org.millrace.streaming.api.source.InputStatus;
import org.millrace.streaming.api.source.ReaderOutput;
import org.millrace.streaming.api.source.ReaderSource;
import org.millrace.streaming.api.source.SourceReader;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.operators.TimestampsAndWatermarks;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * The head of a source task: polls its subtask's {@link SourceReader} and emits into the chain.
 * With a {@link WatermarkStrategy} (from {@code env.fromSource(source, strategy, name)}) records are
 * stamped by its assigner and its generator's watermarks follow them; without one records pass as
 * the reader made them. Either way the end of a bounded input emits the {@code Long.MAX_VALUE}
 * watermark, so everything downstream fires.
 */
public final class SourceOperator<OUT> implements StreamOperator<OUT>, ReaderOutput<OUT> {

    private final ReaderSource<OUT> source;
    private final StreamOperatorParameters<OUT> parameters;
    private final StreamingRuntimeContext context;
    private final Output<OUT> output;
    private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
    private final WatermarkStrategy<OUT> strategy;
    private TimestampsAndWatermarks<OUT> watermarks;
    private ReaderOutput<OUT> readerOutput = this;
    private SourceReader<OUT> reader;

    public SourceOperator(StreamOperatorParameters<OUT> parameters, ReaderSource<OUT> source) {
        this(parameters, source, null);
    }

    /** @param strategy the source's watermark strategy, or null for none */
    public SourceOperator(StreamOperatorParameters<OUT> parameters, ReaderSource<OUT> source, WatermarkStrategy<OUT> strategy) {
        this.source = source;
        this.parameters = parameters;
        this.context = parameters.getRuntimeContext();
        this.output = parameters.getOutput();
        this.strategy = strategy;
    }

    @Override
    public void open() throws Exception {
        if (strategy != null) {
            TimestampsAndWatermarks<OUT> w = new TimestampsAndWatermarks<>(strategy, output,
                    parameters.getExecutionMode() == RuntimeExecutionMode.BATCH);
            if (!w.isPassThrough()) {
                watermarks = w;
                readerOutput = new WatermarkingOutput();
                w.startPeriodicEmission(parameters.getProcessingTimeService(), parameters.getAutoWatermarkIntervalMillis());
            }
        }
        reader = source.createReader(context.getIndexOfThisSubtask(), context.getNumberOfParallelSubtasks());
    }

    public SourceReader<OUT> getReader() {
        return reader;
    }

    /** Emits what the reader has now; see {@link SourceReader#pollNext}. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(readerOutput);
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

    /** The input ended: event time is over. */
    @Override
    public void finish() {
        if (watermarks != null) {
            watermarks.emitFinalWatermark();
        } else {
            output.emitWatermark(Watermark.MAX_WATERMARK);
        }
    }

    @Override
    public void close() throws Exception {
        if (watermarks != null) {
            watermarks.stopPeriodicEmission();
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** Stamps records with the strategy's timestamps and shows them to its generator. */
    private final class WatermarkingOutput implements ReaderOutput<OUT> {
        @Override
        public void collect(OUT record) {
            emit(record, TimestampAssigner.NO_TIMESTAMP);
        }

        @Override
        public void collect(OUT record, long timestamp) {
            emit(record, timestamp);
        }

        private void emit(OUT record, long sourceTimestamp) {
            long ts = watermarks.extractTimestamp(record, sourceTimestamp);
            output.collect(reuse.replace(record, ts));
            watermarks.onEvent(record, ts);
        }
    }
}
