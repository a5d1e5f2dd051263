package org.millrace.runtime.io.network;

import java.util.concurrent.CompletableFuture;

/**
 * Something a task thread may have to wait for (input data, a free output buffer) without blocking:
 * it asks {@link #getAvailableFuture()} and parks in its mailbox until the future completes.
 *
 * <p>Pitfall: the future may complete spuriously (on close, on failure); callers always re-check.
 */
public interface AvailabilityProvider {

    CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    /** A future that is complete when progress may be possible; {@link #AVAILABLE} if it is now. */
    CompletableFuture<?> getAvailableFuture();

    default boolean isAvailable() {
        return getAvailableFuture().isDone();
    }
}
