package org.millrace.configuration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One typed configuration setting: its key, value type, default and description, declared once as
 * a {@code public static final} field of an option-holder class (see {@link CoreOptions}) and built
 * with {@link ConfigOptions}. {@link Configuration#get(ConfigOption)} parses the stored text into
 * the type; the docs table (docs/config.md) is generated from these declarations.
 *
 * <p>Instances are immutable; the {@code with*} methods return a copy.
 *
 * @param <T> the value type, e.g. {@code Integer}, {@code Duration}, {@code MemorySize}
 */
public final class ConfigOption<T> {

    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String description;
    private final List<FallbackKey> fallbackKeys;

    ConfigOption(String key, ValueType<T> type, T defaultValue, String description, List<FallbackKey> fallbackKeys) {
        this.key = ConfigOptions.checkKey(key);
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.fallbackKeys = List.copyOf(fallbackKeys);
    }

    public String key() {
        return key;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    /** The value used when the key is absent, or {@code null} for an option without a default. */
    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean hasFallbackKeys() {
        return !fallbackKeys.isEmpty();
    }

    /** Other keys consulted, in order, when {@link #key()} is absent. */
    public List<FallbackKey> fallbackKeys() {
        return fallbackKeys;
    }

    /** A copy of this option with the given description. */
    public ConfigOption<T> withDescription(String description) {
        return new ConfigOption<>(key, type, defaultValue, description, fallbackKeys);
    }

    /** A copy of this option that also reads the given keys (without a deprecation warning). */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        return withMoreFallbacks(Arrays.stream(keys).map(FallbackKey::fallback).toList());
    }

    /** A copy of this option that also reads the given old keys, warning that they are deprecated. */
    public ConfigOption<T> withDeprecatedKeys(String... keys) {
        return withMoreFallbacks(Arrays.stream(keys).map(FallbackKey::deprecated).toList());
    }

    private ConfigOption<T> withMoreFallbacks(List<FallbackKey> more) {
        List<FallbackKey> all = new ArrayList<>(fallbackKeys);
        all.addAll(more);
        return new ConfigOption<>(key, type, defaultValue, description, all);
    }

    ValueType<T> type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigOption<?> other
                && key.equals(other.key)
                && type.equals(other.type)
                && Objects.equals(defaultValue, other.defaultValue)
                && description.equals(other.description)
                && fallbackKeys.equals(other.fallbackKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, defaultValue, fallbackKeys);
    }

    @Override
    public String toString() {
        return "ConfigOption{key='" + key + "', type=" + type.typeName() + ", default="
                + (hasDefaultValue() ? ValueTypes.toText(defaultValue) : "(none)") + "}";
    }
}
