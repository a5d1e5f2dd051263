package org.millrace.runtime.executiongraph.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The values of {@code restart-strategy.type}, each with the names Flink accepts for it (matched
 * ignoring case). Not an enum-typed option because several names map to one strategy.
 */
public enum RestartStrategyType {
    NONE("none", "disable", "off"),
    FIXED_DELAY("fixed-delay", "fixeddelay"),
    FAILURE_RATE("failure-rate", "failurerate"),
    EXPONENTIAL_DELAY("exponential-delay", "exponentialdelay");

    private final List<String> names;

    RestartStrategyType(String... names) {
        this.names = List.of(names);
    }

    /** The name used in docs and messages, e.g. {@code fixed-delay}. */
    public String canonicalName() {
        return names.get(0);
    }

    /** The type with this name or alias, ignoring case and surrounding blanks. */
    public static Optional<RestartStrategyType> fromName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (RestartStrategyType type : values()) {
            if (type.names.contains(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Every accepted name, aliases included, in declaration order. */
    public static List<String> acceptedNames() {
        List<String> all = new ArrayList<>();
        for (RestartStrategyType type : values()) {
            all.addAll(type.names);
        }
        return all;
    }

    @Override
    public String toString() {
        return canonicalName();
    }
}
