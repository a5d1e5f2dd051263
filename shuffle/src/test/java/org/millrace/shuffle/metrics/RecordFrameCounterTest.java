package org.millrace.shuffle.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.Buffer;

class RecordFrameCounterTest {

    @Test
    void countsRecordFramesCutAtEveryPossiblePlace() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            // frames of 1..40 body bytes; tags 0 and 1 are records, 2..5 control elements
            ByteBuffer stream = ByteBuffer.allocate(1 << 16);
            int expected = 0;
            while (stream.remaining() > 64) {
                int body = 1 + random.nextInt(40);
                byte tag = (byte) random.nextInt(6);
                stream.putInt(body).put(tag);
                for (int i = 1; i < body; i++) {
                    stream.put((byte) random.nextInt(256));
                }
                expected += tag <= 1 ? 1 : 0;
            }
            int total = stream.position();
            RecordFrameCounter counter = new RecordFrameCounter();
            int counted = 0;
            for (int offset = 0; offset < total; ) {
                int size = Math.min(total - offset, 1 + random.nextInt(round % 2 == 0 ? 8 : 300));
                MemorySegment segment = MemorySegment.allocateOffHeap(size);
                for (int i = 0; i < size; i++) {
                    segment.put(i, stream.get(offset + i));
                }
                counted += counter.countRecords(segment, size);
                offset += size;
            }
            assertEquals(expected, counted, "round " + round);
        }
    }

    @Test
    void takesTheWritersCountUntilABufferWithoutOneMakesItWalk() {
        RecordFrameCounter counter = new RecordFrameCounter();
        MemorySegment segment = MemorySegment.allocateHeap(16);
        segment.putInt(0, 3);
        segment.put(4, (byte) 0);
        Buffer counted = new Buffer(segment, s -> { });
        counted.setSize(7);
        counted.setRecordCount(5);
        assertEquals(5, counter.countRecords(counted));
        Buffer unknown = new Buffer(segment, s -> { });
        unknown.setSize(7);
        assertEquals(1, counter.countRecords(unknown));
        // walking once means walking to the end: a later count is not mixed with the frame state
        assertEquals(1, counter.countRecords(counted));
    }
}
