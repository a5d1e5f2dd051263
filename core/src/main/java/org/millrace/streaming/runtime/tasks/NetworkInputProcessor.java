package org.millrace.streaming.runtime.tasks;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.common.typeutils.TypeSerializer;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.EndOfPartitionEvent;
import org.millrace.runtime.io.network.InputGate;
import org.millrace.runtime.io.network.api.RecordDeserializer;
import org.millrace.streaming.api.operators.OneInputStreamOperator;
import org.millrace.streaming.api.source.InputStatus;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/**
 * Reads records from the task's input gate and feeds them to the head operator: one deserializer
 * per channel, so records that span buffers are joined per producer.
 */
final class NetworkInputProcessor<IN> implements StreamInputProcessor {

    private static final int BATCH = 1024;

    private final InputGate gate;
    private final OneInputStreamOperator<IN, ?> head;
    private final String headName;
    private final String subtask;
    private final RecordDeserializer<IN>[] deserializers;
    private final StreamRecord<IN> reuse = new StreamRecord<>(null);
    private RecordDeserializer<IN> current;

    @SuppressWarnings("unchecked")
    NetworkInputProcessor(InputGate gate, TypeSerializer<IN> serializer, OneInputStreamOperator<IN, ?> head,
            String headName, String subtask) {
        this.gate = gate;
        this.head = head;
        this.headName = headName;
        this.subtask = subtask;
        this.deserializers = new RecordDeserializer[gate.getNumberOfInputChannels()];
        for (int i = 0; i < deserializers.length; i++) {
            deserializers[i] = new RecordDeserializer<>(new StreamElementSerializer<>(serializer.duplicate()));
        }
    }

    @Override
    public InputStatus processInput() throws IOException, InterruptedException {
        int processed = 0;
        while (processed < BATCH) {
            if (current != null) {
                StreamRecord<IN> record = current.next(reuse);
                if (record != null) {
                    process(record);
                    processed++;
                    continue;
                }
                current = null;
            }
            BufferOrEvent next = gate.pollNext();
            if (next == null) {
                return gate.isFinished() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
            }
            if (next.isBuffer()) {
                current = deserializers[next.getChannelIndex()];
                current.addBuffer(next.getBuffer());
            } else if (next.getEvent() instanceof EndOfPartitionEvent) {
                if (!deserializers[next.getChannelIndex()].isEmpty()) {
                    throw new IOException("Input channel " + next.getChannelIndex() + " of " + headName
                            + " ended in the middle of a record: the stream was truncated");
                }
                if (gate.isFinished()) {
                    return InputStatus.END_OF_INPUT;
                }
            }
        }
        return InputStatus.MORE_AVAILABLE;
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

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return gate.getAvailableFuture();
    }

    @Override
    public void close() {
        gate.close();
    }
}
