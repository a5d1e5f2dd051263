package org.millrace.configuration;

import java.util.List;

/**
 * Lets a module (shuffle, scheduler, flink-yarn, ...) make its option-holder classes known to
 * {@link ConfigOptionRegistry}, for eager validation and the generated docs, without {@code core}
 * depending on it. Register an implementation in
 * {@code META-INF/services/org.millrace.configuration.ConfigOptionProvider}; it needs a public
 * no-argument constructor.
 */
public interface ConfigOptionProvider {

    /** Classes whose {@code public static final ConfigOption} fields declare this module's options. */
    List<Class<?>> optionHolders();
}
