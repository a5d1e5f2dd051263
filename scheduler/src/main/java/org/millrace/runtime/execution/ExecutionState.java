package org.millrace.runtime.execution;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one subtask execution.
 *
 * <pre>
 *  CREATED ─> DEPLOYING ─> RUNNING ─> FINISHED
 *     │           │           ├─────> FAILED
 *     └───────────┴───────────┴─────> CANCELED
 * </pre>
 */
public enum ExecutionState {
    CREATED,
    DEPLOYING,
    RUNNING,
    FINISHED,
    FAILED,
    CANCELED;

    private Set<ExecutionState> allowedNext() {
        return switch (this) {
            case CREATED -> EnumSet.of(DEPLOYING, CANCELED, FAILED);
            case DEPLOYING -> EnumSet.of(RUNNING, FAILED, CANCELED);
            case RUNNING -> EnumSet.of(FINISHED, FAILED, CANCELED);
            case FINISHED, FAILED, CANCELED -> EnumSet.noneOf(ExecutionState.class);
        };
    }

    public boolean isTerminal() {
        return allowedNext().isEmpty();
    }

    public ExecutionState transitionTo(ExecutionState next) {
        if (!allowedNext().contains(next)) {
            throw new IllegalStateException("Illegal execution state transition " + this + " -> " + next);
        }
        return next;
    }
}
