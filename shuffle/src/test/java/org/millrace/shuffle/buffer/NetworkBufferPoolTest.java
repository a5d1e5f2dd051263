package org.millrace.shuffle.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.millrace.runtime.io.network.Buffer;

class NetworkBufferPoolTest {

    @Test
    void allocatesAllSegmentsOffHeapUpFrontAndNoneIsInUse() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(8, 1024);
        assertEquals(8, global.getTotalNumberOfSegments());
        assertEquals(0, global.getNumberOfSegmentsInUse());
        assertEquals(0, global.getMaxSegmentsEverInUse());

        LocalBufferPool pool = global.createBufferPool(1, 1, "task");
        Buffer buffer = pool.requestBuffer();
        assertTrue(buffer.getMemorySegment().isOffHeap());
        assertEquals(1024, buffer.getCapacity());
        buffer.recycle();
        pool.destroy();
    }

    @Test
    void creatingPoolWhoseMinimumCannotBeReservedFailsFastNamingTheConfigKeys() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(10, 4096);
        global.createBufferPool(6, 6, "Source (1/2)");

        IOException e = assertThrows(IOException.class, () -> global.createBufferPool(5, 5, "Map (2/4)"));

        assertEquals("Insufficient number of network buffers: Map (2/4) requires 5 buffers, but only 4 of 10 are"
                + " available (segments of 4096 bytes). Increase taskmanager.memory.network.max (or"
                + " taskmanager.memory.network.fraction), or decrease taskmanager.memory.segment-size to get more"
                + " buffers.", e.getMessage());
        assertEquals(6, global.getNumberOfReservedSegments());
    }

    @Test
    void destroyedPoolGivesItsReservationBack() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(10, 1024);
        LocalBufferPool first = global.createBufferPool(6, 8, "first");
        first.destroy();

        LocalBufferPool second = global.createBufferPool(10, 10, "second");

        assertEquals(10, global.getNumberOfReservedSegments());
        second.destroy();
        assertEquals(0, global.getNumberOfSegmentsInUse());
        assertEquals(0, global.getNumberOfReservedSegments());
    }

    @Test
    void poolsBorrowOnlyFromTheUnreservedShare() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(6, 1024);
        LocalBufferPool a = global.createBufferPool(2, 6, "a");
        LocalBufferPool b = global.createBufferPool(2, 6, "b");

        List<Buffer> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(present(a.requestBuffer()));
        }
        assertNull(a.requestBuffer(), "a holds its 2 guaranteed + the 2 unreserved segments");
        taken.add(present(b.requestBuffer()));
        taken.add(present(b.requestBuffer()));
        assertNull(b.requestBuffer());
        assertEquals(6, global.getNumberOfSegmentsInUse());

        taken.forEach(Buffer::recycle);
        a.destroy();
        b.destroy();
        assertEquals(0, global.getNumberOfSegmentsInUse());
        assertEquals(6, global.getMaxSegmentsEverInUse());
    }

    @Test
    void newPoolReceivesItsReservedSegmentsWhenBorrowedOnesAreRecycled() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(4, 1024);
        LocalBufferPool lender = global.createBufferPool(1, 4, "lender");
        List<Buffer> lenderBuffers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lenderBuffers.add(lender.requestBuffer());
        }

        LocalBufferPool late = global.createBufferPool(2, 2, "late");
        assertNull(late.requestBuffer(), "its segments are still out as the lender's borrowed buffers");
        CompletableFuture<?> lateAvailable = late.getAvailableFuture();
        assertFalse(lateAvailable.isDone());

        lenderBuffers.remove(0).recycle();
        assertTrue(lateAvailable.isDone());
        Buffer first = present(late.requestBuffer());
        lenderBuffers.remove(0).recycle();
        Buffer second = present(late.requestBuffer());
        assertNull(lender.requestBuffer(), "nothing unreserved is left to borrow");

        first.recycle();
        second.recycle();
        lenderBuffers.forEach(Buffer::recycle);
        late.destroy();
        lender.destroy();
        assertEquals(0, global.getNumberOfSegmentsInUse());
        assertEquals(4, global.getMaxSegmentsEverInUse());
    }

    private static Buffer present(Buffer buffer) {
        org.junit.jupiter.api.Assertions.assertNotNull(buffer);
        return buffer;
    }
}
