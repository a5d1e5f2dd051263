package org.millrace.configuration;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of configuration values keyed by flat Flink-style keys ({@code "parallelism.default"}).
 * Values are stored as given, either as text (from a file, {@code -D} or {@link #setString}) or as
 * typed objects (from {@link #set}); {@link #get(ConfigOption)} parses them when read and throws an
 * {@link IllegalConfigurationException} naming the key if the value has the wrong form. To check
 * all values up front, use {@link ConfigOptionRegistry#validate(Configuration)}.
 *
 * <p>Two configurations are equal when they hold the same keys with the same textual values, so a
 * value set as {@code 4} equals one set as {@code "4"}. Instances are thread-safe and
 * {@link Serializable}: they ship with jobs to the cluster.
 */
public final class Configuration implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Configuration.class);

    /** Raw values: String or a typed, serializable value. Guarded by itself. */
    private final HashMap<String, Object> data;

    public Configuration() {
        this.data = new HashMap<>();
    }

    /** A copy of {@code other}. */
    public Configuration(Configuration other) {
        this.data = new HashMap<>(other.snapshot());
    }

    /** A configuration holding the given key/value texts. */
    public static Configuration fromMap(Map<String, String> values) {
        Configuration conf = new Configuration();
        values.forEach(conf::setString);
        return conf;
    }

    /**
     * The option's value: the value under its key, else under its first present fallback key, else
     * its default (which is {@code null} for options declared with {@code noDefaultValue()}).
     *
     * @throws IllegalConfigurationException if the stored value does not parse as the option's type
     */
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElse(option.defaultValue());
    }

    /** The option's value if its key or a fallback key is present; the default is not consulted. */
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        String key;
        Object raw;
        synchronized (data) {
            key = presentKey(option);
            raw = key == null ? null : data.get(key);
        }
        if (key == null) {
            return Optional.empty();
        }
        if (!key.equals(option.key())) {
            warnIfDeprecated(option, key);
        }
        return Optional.of(convert(option, key, raw));
    }

    /** Sets a typed value under the option's key. Lists and maps are copied. */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        Objects.requireNonNull(value, () -> "value for '" + option.key() + "' must not be null");
        Object stored = value;
        if (value instanceof List<?> list) {
            stored = List.copyOf(list);
        } else if (value instanceof Map<?, ?> map) {
            stored = new TreeMap<>(map);
        }
        synchronized (data) {
            data.put(option.key(), stored);
        }
        return this;
    }

    /** Sets a value as text, exactly as a configuration file or {@code -Dkey=value} would. */
    public void setString(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, () -> "value for '" + key + "' must not be null");
        synchronized (data) {
            data.put(key, value);
        }
    }

    /** The textual value under {@code key}, or {@code defaultValue} if absent. */
    public String getString(String key, String defaultValue) {
        Object raw;
        synchronized (data) {
            raw = data.get(key);
        }
        return raw == null ? defaultValue : ValueTypes.toText(raw);
    }

    /** Whether the option's key or one of its fallback keys is present. */
    public boolean contains(ConfigOption<?> option) {
        synchronized (data) {
            return presentKey(option) != null;
        }
    }

    public boolean containsKey(String key) {
        synchronized (data) {
            return data.containsKey(key);
        }
    }

    /** A snapshot of the present keys. */
    public Set<String> keySet() {
        synchronized (data) {
            return Set.copyOf(data.keySet());
        }
    }

    /** A snapshot of all values as text, sorted by key. */
    public Map<String, String> toMap() {
        Map<String, String> result = new TreeMap<>();
        snapshot().forEach((k, v) -> result.put(k, ValueTypes.toText(v)));
        return result;
    }

    /** Copies every entry of {@code other} into this configuration, replacing values of equal keys. */
    public void addAll(Configuration other) {
        Map<String, Object> entries = other.snapshot();
        synchronized (data) {
            data.putAll(entries);
        }
    }

    /** Removes the key; returns whether it was present. Fallback keys are left alone. */
    public boolean removeKey(String key) {
        synchronized (data) {
            return data.remove(key) != null;
        }
    }

    @Override
    public Configuration clone() {
        return new Configuration(this);
    }

    /**
     * Parses the value stored under {@code key} (the option's key or one of its fallback keys) as
     * the option's type; used for eager validation.
     */
    void checkValueAt(ConfigOption<?> option, String key) {
        Object raw;
        synchronized (data) {
            raw = data.get(key);
        }
        if (raw != null) {
            convert(option, key, raw);
        }
    }

    private static <T> T convert(ConfigOption<T> option, String key, Object raw) {
        try {
            return option.type().convert(raw);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw IllegalConfigurationException.invalidValue(key, ValueTypes.toText(raw), option.type().expectedForm());
        }
    }

    /** The key the option's value is read from, or null. Caller holds the lock. */
    private String presentKey(ConfigOption<?> option) {
        if (data.containsKey(option.key())) {
            return option.key();
        }
        for (FallbackKey fallback : option.fallbackKeys()) {
            if (data.containsKey(fallback.key())) {
                return fallback.key();
            }
        }
        return null;
    }

    static void warnIfDeprecated(ConfigOption<?> option, String usedKey) {
        for (FallbackKey fallback : option.fallbackKeys()) {
            if (fallback.isDeprecated() && fallback.key().equals(usedKey)) {
                LOG.warn("Configuration key '{}' is deprecated; use '{}' instead.", usedKey, option.key());
            }
        }
    }

    private Map<String, Object> snapshot() {
        synchronized (data) {
            return new HashMap<>(data);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration other && toMap().equals(other.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    /** All entries, with values of sensitive keys (passwords, secrets, tokens) hidden. */
    @Override
    public String toString() {
        return toMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + SensitiveValues.forDisplay(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
