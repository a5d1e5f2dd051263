package org.millrace.streaming.runtime.tasks;

import java.util.concurrent.CompletableFuture;
import org.millrace.streaming.api.operators.SourceOperator;
import org.millrace.streaming.api.source.InputStatus;

/** Drives a source task: polls the source reader in batches between mails. */
final class SourceInputProcessor implements StreamInputProcessor {

    private static final int BATCH = 512;

    private final SourceOperator<?> source;
    private final String sourceName;
    private final String subtask;

    SourceInputProcessor(SourceOperator<?> source, String sourceName, String subtask) {
        this.source = source;
        this.sourceName = sourceName;
        this.subtask = subtask;
    }

    @Override
    public InputStatus processInput() {
        try {
            for (int i = 0; i < BATCH; i++) {
                InputStatus status = source.emitNext();
                if (status != InputStatus.MORE_AVAILABLE) {
                    return status;
                }
            }
            return InputStatus.MORE_AVAILABLE;
        } catch (OperatorFailureException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailureException(sourceName, subtask, e);
        }
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return source.getReader().isAvailable();
    }
}
