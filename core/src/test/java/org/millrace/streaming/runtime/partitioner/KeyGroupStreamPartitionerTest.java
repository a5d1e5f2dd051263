package org.millrace.streaming.runtime.partitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.millrace.runtime.state.KeyGroupRangeAssignment;
import org.millrace.streaming.runtime.streamrecord.StreamRecord;

/** keyBy's channel choice: by key group for several consumers, the only channel for one, never for a null key. */
class KeyGroupStreamPartitionerTest {

    private static KeyGroupStreamPartitioner<String, String> partitioner(int channels) {
        KeyGroupStreamPartitioner<String, String> partitioner = new KeyGroupStreamPartitioner<>(s -> s, 128);
        partitioner.setup(channels, 0);
        return partitioner;
    }

    @Test
    void everyKeyGoesToTheChannelOfItsKeyGroup() {
        KeyGroupStreamPartitioner<String, String> partitioner = partitioner(4);
        for (int i = 0; i < 1_000; i++) {
            String key = "key-" + i;
            assertEquals(KeyGroupRangeAssignment.assignKeyToParallelOperator(key, 128, 4),
                    partitioner.selectChannel(new StreamRecord<>(key)));
        }
    }

    @Test
    void withOneConsumerEveryKeyGoesToChannelZeroButANullKeyIsStillRefused() {
        KeyGroupStreamPartitioner<String, String> partitioner = partitioner(1);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(0, partitioner.selectChannel(new StreamRecord<>("key-" + i)));
        }
        KeyGroupStreamPartitioner<String, String> nullKeys = new KeyGroupStreamPartitioner<>(s -> null, 128);
        nullKeys.setup(1, 0);
        NullPointerException e = assertThrows(NullPointerException.class, () -> nullKeys.selectChannel(new StreamRecord<>("x")));
        assertTrue(e.getMessage().contains("key selector returned null"), e.getMessage());
    }
}
