package org.millrace.streaming.runtime.tasks;

import java.util.concurrent.CompletableFuture;
import org.millrace.streaming.api.source.InputStatus;

/** The task's input as the mailbox loop sees it: process what is there now, or say what to wait for. */
interface StreamInputProcessor extends AutoCloseable {

    /** Processes a bounded batch of input (so mails are not starved) and reports the state of the input. */
    InputStatus processInput() throws Exception;

    /** Completes when {@link #processInput()} may make progress after it returned NOTHING_AVAILABLE. */
    CompletableFuture<?> getAvailableFuture();

    @Override
    default void close() throws Exception {}
}
