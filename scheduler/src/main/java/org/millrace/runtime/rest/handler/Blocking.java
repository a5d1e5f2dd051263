package org.millrace.runtime.rest.handler;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Runs a handler's blocking work (file I/O, class loading, user code) on an executor instead of the event loop. */
public final class Blocking {

    private Blocking() {}

    /** The result of {@code work} on {@code executor}; whatever it throws fails the future. */
    public static <T> CompletableFuture<T> call(Callable<T> work, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }
}
