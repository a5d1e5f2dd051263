package org.millrace.shuffle.buffer;

import org.millrace.runtime.io.network.AvailabilityProvider;
import org.millrace.runtime.io.network.Buffer;

/**
 * Where a result partition gets empty network buffers from. Every buffer it hands out recycles back
 * into it, so a producer that outruns its consumers runs dry and must wait: that is backpressure.
 *
 * <p>{@link #getAvailableFuture()} completes when {@link #requestBuffer()} would likely succeed; it
 * may complete spuriously (e.g. on {@link #destroy()}), so callers always re-check.
 */
public interface BufferProvider extends AvailabilityProvider {

    /**
     * An empty buffer, or null if none is free now. Never blocks.
     *
     * @throws IllegalStateException if the provider has been destroyed
     */
    Buffer requestBuffer();

    /**
     * An empty buffer, waiting until one is recycled if none is free.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws IllegalStateException if the provider is (or becomes, while waiting) destroyed
     */
    Buffer requestBufferBlocking() throws InterruptedException;

    /**
     * Gives all free memory back to its source and wakes waiting requesters. Buffers still in use
     * stay valid; their memory goes back to the source when they are recycled. Idempotent.
     */
    void destroy();

    boolean isDestroyed();
}
