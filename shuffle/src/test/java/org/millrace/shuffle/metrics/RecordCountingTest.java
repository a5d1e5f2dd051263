package org.millrace.shuffle.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.runtime.io.network.BufferOrEvent;
import org.millrace.runtime.io.network.api.RecordWriter;
import org.millrace.shuffle.ShuffleEnvironment;
import org.millrace.shuffle.partition.PipelinedResultPartition;
import org.millrace.shuffle.partition.ResultPartitionID;
import org.millrace.streaming.runtime.partitioner.RebalancePartitioner;
import org.millrace.streaming.runtime.streamrecord.StreamElementSerializer;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

class RecordCountingTest {

    @Test
    void countsEveryRecordWrittenAndReadEvenWhenFramesSpanTinyBuffers() throws Exception {
        try (ShuffleEnvironment env = new ShuffleEnvironment(64, 16, 2, 4)) {
            TaskRecordCounters producer = env.getMetrics().registerTask("producer");
            TaskRecordCounters consumer = env.getMetrics().registerTask("consumer");
            PipelinedResultPartition partition = env.createResultPartition(new ResultPartitionID("p", "a0"), 2, "producer");
            RebalancePartitioner<String> partitioner = new RebalancePartitioner<>();
            partitioner.setup(2, 0);
            RecordWriter<String> writer = new RecordWriter<>(new CountingResultPartitionWriter(partition, producer),
                    partitioner, new StreamElementSerializer<>(Types.STRING.createSerializer()), false);
            List<CountingInputGate> gates = List.of(
                    new CountingInputGate(env.createInputGate("consumer-0", 0, List.of(partition.getPartitionId()), 0), consumer),
                    new CountingInputGate(env.createInputGate("consumer-1", 0, List.of(partition.getPartitionId()), 1), consumer));

            int records = 300;
            for (int i = 0; i < records; i++) {
                // lengths 0..36 chars: frames from 7 to 43 bytes, headers split across 16-byte buffers
                writer.emit(i % 2 == 0 ? new StreamRecord<>("r".repeat(i % 37)) : new StreamRecord<>("t" + i, i));
                drain(gates);
            }
            writer.finish();
            drain(gates);

            assertEquals(records, producer.getRecordsOut());
            assertEquals(records, consumer.getRecordsIn());
            assertEquals(0, producer.getRecordsIn());
            gates.forEach(CountingInputGate::close);
            partition.close();
        }
    }

    private static void drain(List<CountingInputGate> gates) throws Exception {
        for (CountingInputGate gate : gates) {
            BufferOrEvent next;
            while ((next = gate.pollNext()) != null) {
                if (next.isBuffer()) {
                    next.getBuffer().recycle();
                }
            }
        }
    }

    @Test
    void registryForgetsATaskThatEnded() {
        try (ShuffleEnvironment env = new ShuffleEnvironment(8, 1024, 2, 4)) {
            env.getMetrics().registerTask("a").addRecordsOut(3);
            assertEquals(3, env.getMetrics().tasks().get("a").getRecordsOut());
            env.getMetrics().unregisterTask("a");
            assertEquals(0, env.getMetrics().tasks().size());
            ShuffleMetrics.NetworkMemory memory = env.getMetrics().networkMemory();
            assertEquals(8, memory.segmentsTotal());
            assertEquals(8 * 1024, memory.bytesTotal());
            assertEquals(0, memory.segmentsUsed());
        }
    }
}
