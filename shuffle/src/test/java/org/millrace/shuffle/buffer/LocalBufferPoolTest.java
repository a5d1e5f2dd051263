package org.millrace.shuffle.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.core.memory.MemorySegment;
import org.millrace.runtime.io.network.Buffer;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalBufferPoolTest {

    private final NetworkBufferPool global = new NetworkBufferPool(10, 256);

    @Test
    void requestBufferReturnsNullOnceMaxBuffersAreOut() throws IOException {
        LocalBufferPool pool = global.createBufferPool(2, 4, "task");
        List<Buffer> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(assertNotNullBuffer(pool.requestBuffer()));
        }

        assertNull(pool.requestBuffer());
        assertEquals(4, global.getNumberOfSegmentsInUse());
        assertEquals(2, pool.getNumberOfBorrowedSegments());
        out.forEach(Buffer::recycle);
        pool.destroy();
    }

    @Test
    void availabilityFutureCompletesWhenAnotherThreadRecyclesABuffer() throws Exception {
        LocalBufferPool pool = global.createBufferPool(2, 2, "task");
        Buffer first = pool.requestBuffer();
        Buffer second = pool.requestBuffer();
        assertNull(pool.requestBuffer());
        CompletableFuture<?> available = pool.getAvailableFuture();
        assertFalse(available.isDone());

        Thread consumer = new Thread(first::recycle, "consumer");
        consumer.start();
        consumer.join();

        assertTrue(available.isDone());
        Buffer again = pool.requestBuffer();
        assertSame(first.getMemorySegment(), again.getMemorySegment());
        again.recycle();
        second.recycle();
        pool.destroy();
    }

    @Test
    void blockingRequestReceivesTheSegmentRecycledByAnotherThread() throws Exception {
        LocalBufferPool pool = global.createBufferPool(1, 1, "task");
        Buffer held = pool.requestBuffer();
        MemorySegment heldSegment = held.getMemorySegment();
        AtomicReference<Buffer> received = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                received.set(pool.requestBufferBlocking());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();

        held.recycle();
        producer.join();

        assertSame(heldSegment, received.get().getMemorySegment());
        received.get().recycle();
        pool.destroy();
    }

    @Test
    void blockedRequestThrowsInterruptedExceptionWhenItsThreadIsInterrupted() throws Exception {
        LocalBufferPool pool = global.createBufferPool(1, 1, "task");
        Buffer held = pool.requestBuffer();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                pool.requestBufferBlocking();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "producer");
        producer.start();

        producer.interrupt();
        producer.join();

        assertInstanceOf(InterruptedException.class, failure.get());
        held.recycle();
        assertEquals(1, pool.getNumberOfAvailableSegments());
        pool.destroy();
    }

    @Test
    void destroyWakesABlockedRequesterWithAnError() throws Exception {
        LocalBufferPool pool = global.createBufferPool(1, 1, "Map (1/1)");
        Buffer held = pool.requestBuffer();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread producer = new Thread(() -> {
            try {
                pool.requestBufferBlocking();
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        }, "producer");
        producer.start();

        pool.destroy();
        producer.join();

        assertInstanceOf(IllegalStateException.class, failure.get());
        assertEquals("Buffer pool of Map (1/1) is destroyed", failure.get().getMessage());
        held.recycle();
        assertEquals(0, global.getNumberOfSegmentsInUse());
    }

    @Test
    void borrowedSegmentsGoBackToTheGlobalPoolWhenRecycledAndNobodyWaits() throws IOException {
        LocalBufferPool pool = global.createBufferPool(1, 5, "task");
        Buffer a = pool.requestBuffer();
        Buffer b = pool.requestBuffer();
        Buffer c = pool.requestBuffer();
        assertEquals(3, global.getNumberOfSegmentsInUse());

        a.recycle();
        assertEquals(2, global.getNumberOfSegmentsInUse());
        b.recycle();
        assertEquals(1, global.getNumberOfSegmentsInUse());
        c.recycle();
        assertEquals(1, global.getNumberOfSegmentsInUse(), "the guaranteed segment stays with the pool");
        assertEquals(1, pool.getNumberOfAvailableSegments());
        assertEquals(0, pool.getNumberOfBorrowedSegments());
        pool.destroy();
        assertEquals(0, global.getNumberOfSegmentsInUse());
    }

    @Test
    void recyclesAfterDestroyGoStraightToTheGlobalPool() throws IOException {
        LocalBufferPool pool = global.createBufferPool(2, 4, "task");
        List<Buffer> out = List.of(pool.requestBuffer(), pool.requestBuffer(), pool.requestBuffer());

        pool.destroy();
        assertEquals(3, global.getNumberOfSegmentsInUse());
        assertEquals(0, global.getNumberOfReservedSegments());
        assertThrows(IllegalStateException.class, pool::requestBuffer);

        out.forEach(Buffer::recycle);
        assertEquals(0, global.getNumberOfSegmentsInUse());
        assertEquals(0, pool.getNumberOfAvailableSegments());
    }

    /**
     * A producer that only uses the non-blocking request plus the availability future, against a
     * consumer recycling on another thread: a lost wake-up would hang the producer (and hit the timeout).
     */
    @Test
    void availabilityFutureIsNeverLostWhileAConsumerRecyclesConcurrently() throws Exception {
        LocalBufferPool pool = global.createBufferPool(1, 3, "task");
        BlockingQueue<Buffer> handOver = new ArrayBlockingQueue<>(8);
        int count = 100_000;
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    handOver.take().recycle();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        consumer.start();
        try {
            for (int i = 0; i < count; i++) {
                Buffer buffer = pool.requestBuffer();
                while (buffer == null) {
                    pool.getAvailableFuture().get();
                    buffer = pool.requestBuffer();
                }
                handOver.put(buffer);
            }
            consumer.join();
        } finally {
            consumer.interrupt();
            consumer.join();
        }
        pool.destroy();
        assertEquals(0, global.getNumberOfSegmentsInUse());
    }

    private static Buffer assertNotNullBuffer(Buffer buffer) {
        assertNotNull(buffer);
        return buffer;
    }
}
