package org.millrace.streaming.runtime.tasks;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.CheckpointBarrier;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.runtime.io.network.InputGate;
import org.millrace.runtime.io.network.api.RecordDeserializer;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.source.InputStatus;
import org.millrace.streaming.api.watermark.Watermark;
import org.millrace.streaming.runtime.streamrecord.StreamElement;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;
import org.millrace.streaming.runtime.watermarkstatus.StatusWatermarkValve;
import org.millrace.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Reads records from the task's input gate and feeds them to the head operator: one deserializer
 * per channel, so records that span buffers are joined per producer. Watermarks and statuses go
 * through a {@link StatusWatermarkValve}, which hands the head the minimum over the channels;
 * checkpoint barriers through a {@link CheckpointBarrierAligner}.
 */
final class NetworkInputProcessor<IN> implements StreamInputProcessor, StatusWatermarkValve.ValveOutput {

    private static final int BATCH = 1024;

    private final InputGate gate;
    private final OneInputStreamOperator<IN, ?> head;
    private final String headName;
    private final String subtask;
    private final RecordDeserializer<IN>[] deserializers;
    private final StreamRecord<IN> reuse = new StreamRecord<>(null);
    private final StatusWatermarkValve valve;
    private final CheckpointBarrierAligner barriers;
    private RecordDeserializer<IN> current;
    private int currentChannel;

    @SuppressWarnings("unchecked")
    NetworkInputProcessor(InputGate gate, TypeSerializer<IN> serializer, OneInputStreamOperator<IN, ?> head,
            String headName, String subtask, CheckpointBarrierAligner barriers) {
        this.gate = gate;
        this.barriers = barriers;
        this.head = head;
        this.headName = headName;
        this.subtask = subtask;
        this.deserializers = new RecordDeserializer[gate.getNumberOfInputChannels()];
        for (int i = 0; i < deserializers.length; i++) {
            deserializers[i] = new RecordDeserializer<>(new StreamElementSerializer<>(serializer.duplicate()));
        }
        this.valve = new StatusWatermarkValve(deserializers.length);
    }

    @Override
    public InputStatus processInput() throws IOException, InterruptedException {
        int processed = 0;
        while (processed < BATCH) {
            if (current != null) {
                StreamElement element = current.nextElement(reuse);
                if (element == reuse) {
                    process(reuse);
                    processed++;
                    continue;
                }
                if (element != null) {
                    processControl(element);
                    continue;
                }
                current = null;
            }
            BufferOrEvent next = barriers.pollNext(gate);
            if (next == null) {
                return inputEnded() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
            }
            if (next.isBuffer()) {
                currentChannel = next.getChannelIndex();
                current = deserializers[currentChannel];
                current.addBuffer(next.getBuffer());
            } else if (next.getEvent() instanceof CheckpointBarrier barrier) {
                barrier(barrier, next.getChannelIndex());
            } else if (next.getEvent() instanceof EndOfPartitionEvent) {
                if (!deserializers[next.getChannelIndex()].isEmpty()) {
                    throw new IOException("Input channel " + next.getChannelIndex() + " of " + headName
                            + " ended in the middle of a record: the stream was truncated");
                }
                channelEnded(next.getChannelIndex());
                if (inputEnded()) {
                    return InputStatus.END_OF_INPUT;
                }
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /** Every channel ended and nothing held back for alignment is left to process. */
    private boolean inputEnded() {
        return gate.isFinished() && barriers.isIdle();
    }

    private void barrier(CheckpointBarrier barrier, int channel) {
        try {
            barriers.barrier(barrier, channel);
        } catch (OperatorFailureException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailureException(headName, subtask, e);
        }
    }

    private void process(StreamRecord<IN> record) {
        try {
            head.processElement(record);
        } catch (OperatorFailureException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailureException(headName, subtask, e);
        }
    }

    private void processControl(StreamElement element) {
        try {
            if (element.isWatermark()) {
                valve.inputWatermark(element.asWatermark(), currentChannel, this);
            } else {
                valve.inputWatermarkStatus(element.asWatermarkStatus(), currentChannel, this);
            }
        } catch (OperatorFailureException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailureException(headName, subtask, e);
        }
    }

    private void channelEnded(int channel) {
        try {
            valve.channelEnded(channel, this);
            barriers.channelEnded(channel);
        } catch (OperatorFailureException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailureException(headName, subtask, e);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) throws Exception {
        head.processWatermark(watermark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) throws Exception {
        head.processWatermarkStatus(status);
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return gate.getAvailableFuture();
    }

    @Override
    public void close() {
        gate.close();
    }
}
