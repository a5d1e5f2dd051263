package org.millrace.yarn.configuration;

import java.util.List;
import org.millrace.configuration.ConfigOptionProvider;

/** Makes the YARN options known to the configuration registry (and to docs/config.md). */
public final class YarnConfigOptionProvider implements ConfigOptionProvider {

    @Override
    public List<Class<?>> optionHolders() {
        return List.of(YarnConfigOptions.class);
    }
}
