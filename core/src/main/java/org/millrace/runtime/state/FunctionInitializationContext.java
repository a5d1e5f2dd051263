package org.millrace.runtime.state;

import org.millrace.api.common.state.KeyedStateStore;
import org.millrace.api.common.state.OperatorStateStore;

/** What a {@code CheckpointedFunction} gets its state from when its operator starts. */
public interface FunctionInitializationContext {

    /** True if the job restores from a checkpoint or savepoint this operator took part in. */
    boolean isRestored();

    OperatorStateStore getOperatorStateStore();

    /** Keyed state of the function's key, when it runs on a keyed stream; null otherwise. */
    KeyedStateStore getKeyedStateStore();
}
