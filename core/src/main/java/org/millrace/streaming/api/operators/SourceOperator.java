package org.millrace.streaming.api.operators;

import java.util.List;
import org.millrace.api.common.RuntimeExecutionMode;
import org.millrace.runtime.state.OperatorStateStore;
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
 * watermark, so everything downstream fires. In a checkpointed job its state is the reader's unread
 * splits, so after a failure reading continues where the restored checkpoint was taken.
 */
public final class SourceOperator<OUT> implements StreamOperator<OUT>, ReaderOutput<OUT> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SourceOperator.class);
    private static final String SPLITS_STATE = "source-splits";

    private final ReaderSource<OUT> source;
    private final StreamOperatorParameters<OUT> parameters;
    private final StreamingRuntimeContext context;
    private final Output<OUT> output;
    private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
    private final WatermarkStrategy<OUT> strategy;
    private TimestampsAndWatermarks<OUT> watermarks;
    private ReaderOutput<OUT> readerOutput = this;
    private SourceReader<OUT> reader;
    /** This subtask's share of the splits in the checkpoint restored from; null on a fresh start. */
    private List<byte[]> restoredSplits;

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
        reader = restoredSplits == null ? source.createReader(context.getIndexOfThisSubtask(), context.getNumberOfParallelSubtasks())
                : restoreReader();
    }

    private SourceReader<OUT> restoreReader() throws Exception {
        try {
            return source.restoreReader(context.getIndexOfThisSubtask(), context.getNumberOfParallelSubtasks(), restoredSplits);
        } catch (UnsupportedOperationException e) {
            LOG.warn("{} cannot rewind to its checkpointed position and starts reading anew: {}",
                    parameters.getOperatorName(), e.getMessage());
            return source.createReader(context.getIndexOfThisSubtask(), context.getNumberOfParallelSubtasks());
        }
    }

    @Override
    public void initializeState(OperatorStateStore restored) {
        if (restored.isRestored()) {
            restoredSplits = restored.get(SPLITS_STATE);
        }
    }

    /** Records the reader's unread splits; a reader that cannot rewind records nothing. */
    @Override
    public void snapshotState(long checkpointId, OperatorStateStore state) throws Exception {
        List<byte[]> splits = reader == null ? null : reader.snapshotState(checkpointId);
        if (splits != null) {
            state.put(SPLITS_STATE, OperatorStateStore.Distribution.SPLIT, splits);
        }
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
