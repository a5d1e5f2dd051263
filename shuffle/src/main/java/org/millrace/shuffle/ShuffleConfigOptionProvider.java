package org.millrace.shuffle;

import java.util.List;
import org.millrace.configuration.ConfigOptionProvider;

/** Makes the shuffle module's options known to the configuration registry (validation, generated docs). */
public final class ShuffleConfigOptionProvider implements ConfigOptionProvider {

    @Override
    public List<Class<?>> optionHolders() {
        return List.of(BlockingShuffleOptions.class, SecurityOptions.class);
    }
}
