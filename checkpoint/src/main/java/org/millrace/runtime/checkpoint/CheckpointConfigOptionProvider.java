package org.millrace.runtime.checkpoint;

import java.util.List;
import org.millrace.configuration.ConfigOptionProvider;

/** Makes the checkpoint module's options known to the configuration registry (and to docs/config.md). */
public final class CheckpointConfigOptionProvider implements ConfigOptionProvider {

    @Override
    public List<Class<?>> optionHolders() {
        return List.of(CheckpointingOptions.class, ExecutionCheckpointingOptions.class);
    }
}
